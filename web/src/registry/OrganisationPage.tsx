import { useAuth } from '../auth/AuthProvider.tsx';
import { isRole } from '../auth/permissions.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { languages, nativeNames } from '../i18n/languages.ts';
import { Link } from '../router/Link.tsx';
import { useSearchParam } from '../router/history.ts';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { organisationHref } from './OrganisationsPage.tsx';
import { getFocalPoints, getOrganisation, type OrganisationDetail } from './registryApi.ts';
import { useCountries } from './useCountries.ts';

/** `/organisation?id=`: one organisation's names in the UN languages, identifiers, memberships and (for those allowed) focal points. */
export function OrganisationPage() {
  const { t } = useI18n();
  const id = useSearchParam('id') ?? '';
  const [state, retry] = useAsync((signal) => getOrganisation(id, signal), [id]);
  return (
    <div className="page registry">
      <p>
        <Link to="/organisations">{t('registry.detail.back')}</Link>
      </p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <Detail organisation={state.data} />}
    </div>
  );
}

function Detail({ organisation: o }: { organisation: OrganisationDetail }) {
  const { t, name, lang } = useI18n();
  const { user, can } = useAuth();
  const displayName = o.names[lang] ?? o.name;
  const displayAcronym = o.acronyms[lang] ?? o.acronym;
  const countries = useCountries();
  const country = o.countryIso3 ? countries.byIso3.get(o.countryIso3) : undefined;
  // The API allows the organisation's own users and those who may read users; others are not asked.
  const seesFocalPoints = !!user && (user.organisation.id === o.id || can('users.read'));
  return (
    <>
      <h1>
        {displayName}
        {displayAcronym && ` (${displayAcronym})`}
      </h1>
      {o.demo && (
        <p className="demo-note" role="note">
          {t('registry.detail.demoNote')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('registry.type')}</dt>
        <dd>{t(`registry.type.${o.type}`)}</dd>
        <dt>{t('registry.country')}</dt>
        <dd>{country ? name(country.names) : (o.countryIso3 ?? t('registry.detail.none'))}</dd>
        <dt>{t('registry.detail.parent')}</dt>
        <dd>{o.parent ? <Link to={organisationHref(o.parent.id)}>{o.parent.acronym ? `${o.parent.name} (${o.parent.acronym})` : o.parent.name}</Link> : t('registry.detail.none')}</dd>
        <dt>{t('registry.detail.iati')}</dt>
        <dd dir="ltr">{o.iatiOrgId ?? t('registry.detail.none')}</dd>
        <dt>{t('registry.detail.website')}</dt>
        <dd dir="ltr">{o.website ? <a href={o.website}>{o.website}</a> : t('registry.detail.none')}</dd>
        <dt>{t('registry.detail.aliases')}</dt>
        <dd>{o.aliases.length ? o.aliases.join('; ') : t('registry.detail.none')}</dd>
      </dl>

      <h2>{t('registry.detail.names')}</h2>
      <table className="data-table list-table names-table">
        <caption>{t('registry.detail.namesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.detail.language')}</th>
            <th scope="col">{t('registry.name')}</th>
            <th scope="col">{t('registry.acronym')}</th>
          </tr>
        </thead>
        <tbody>
          {languages
            .filter((l) => o.names[l] || o.acronyms[l])
            .map((l) => (
              <tr key={l}>
                <th scope="row">{nativeNames[l]}</th>
                <td lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                  {o.names[l]}
                </td>
                <td lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                  {o.acronyms[l]}
                </td>
              </tr>
            ))}
        </tbody>
      </table>

      <h2>{t('registry.detail.memberships')}</h2>
      {o.memberships.length === 0 ? (
        <p>{t('registry.detail.noMemberships')}</p>
      ) : (
        <table className="data-table list-table memberships-table">
          <caption>{t('registry.detail.membershipsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.detail.body')}</th>
              <th scope="col">{t('registry.detail.joined')}</th>
              <th scope="col">{t('registry.detail.left')}</th>
              <th scope="col">{t('registry.detail.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {o.memberships.map((m) => (
              <tr key={m.id}>
                <th scope="row">{t(`registry.body.${m.body}`)}</th>
                <td>
                  <time dateTime={m.joinedOn}>{m.joinedOn}</time>
                </td>
                <td>{m.leftOn ? <time dateTime={m.leftOn}>{m.leftOn}</time> : t('registry.detail.current')}</td>
                <td lang="en">{m.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {seesFocalPoints && <FocalPoints id={o.id} />}
    </>
  );
}

function FocalPoints({ id }: { id: string }) {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getFocalPoints(id, signal), [id]);
  return (
    <section aria-labelledby="focal-points-heading">
      <h2 id="focal-points-heading">{t('registry.detail.focalPoints')}</h2>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p>{t('registry.detail.noFocal')}</p>
        ) : (
          <table className="data-table list-table focal-points-table">
            <caption>{t('registry.detail.focalCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.detail.person')}</th>
                <th scope="col">{t('registry.detail.email')}</th>
                <th scope="col">{t('registry.detail.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.displayName}</th>
                  <td dir="ltr">
                    <a href={`mailto:${p.email}`}>{p.email}</a>
                  </td>
                  <td>{p.roles.map((r) => (isRole(r) ? t(`role.${r}`) : r)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
