import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { pillarKeys, statusKeys, treatyKeys } from './labels.ts';
import { getCountryProfile, type CountryProfile } from './monitoringApi.ts';
import './monitoring.css';

/** A country's page: treaty status on every instrument and the activities reported there. */
export function CountryPage() {
  const { t, name } = useI18n();
  const iso3 = useSearchParam('iso3');
  const [state, retry] = useAsync((signal) => (iso3 ? getCountryProfile(iso3, signal) : Promise.resolve(null)), [iso3]);
  return (
    <div className="page monitoring">
      <h1>{state.status === 'ready' && state.data ? name(state.data.country.names) : t('monitoring.country.title')}</h1>
      <p>
        <Link to="/activity-map">{t('monitoring.country.back')}</Link>
      </p>
      {!iso3 && <p role="status">{t('monitoring.country.missing')}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && state.data && <Profile profile={state.data} />}
    </div>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; count: number; to?: string }[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('monitoring.map.activities')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.to ? <Link to={r.to}>{r.label}</Link> : r.label}</th>
              <td className="number">{formatNumber(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Profile({ profile }: { profile: CountryProfile }) {
  const { t, name, formatNumber, formatDateTime } = useI18n();
  const a = profile.activities;
  const title = (names: Record<string, string>) => name({ ar: '', zh: '', fr: '', ru: '', es: '', ...names, en: names.en ?? Object.values(names)[0] ?? '' });
  return (
    <>
      <section aria-labelledby="country-treaties">
        <h2 id="country-treaties">{t('monitoring.country.treaties')}</h2>
        <div className="table-scroll">
          <table className="data-table treaty-table">
            <caption>{t('monitoring.country.treatiesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.country.instrument')}</th>
                <th scope="col">{t('monitoring.country.status')}</th>
                <th scope="col">{t('monitoring.country.since')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.treaties.map((i) => (
                <tr key={i.instrument} data-instrument={i.instrument} data-status={i.status}>
                  <th scope="row">{i.shortName}</th>
                  <td>
                    {t(treatyKeys[i.status])}
                    {i.demo && <span className="muted"> ({t('monitoring.country.demo')})</span>}
                  </td>
                  <td dir="ltr">{i.partyOn ?? i.signedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="country-activities">
        <h2 id="country-activities">{t('monitoring.country.activities', { count: formatNumber(a.total) })}</h2>
        {a.total === 0 ? (
          <p>{t('monitoring.country.none')}</p>
        ) : (
          <>
            <div className="monitoring-grid">
              <CountTable caption={t('monitoring.country.byPillar')} head={t('monitoring.map.pillar')} rows={a.byPillar.map((p) => ({ key: p.pillar, label: pillarKeys[p.pillar] ? t(pillarKeys[p.pillar]!) : p.pillar, count: p.count }))} />
              <CountTable caption={t('monitoring.country.byStatus')} head={t('monitoring.country.status')} rows={a.byStatus.map((s) => ({ key: String(s.status), label: statusKeys[s.status] ? t(statusKeys[s.status]!) : String(s.status), count: s.count }))} />
              <CountTable
                caption={t('monitoring.country.byOrganisation')}
                head={t('monitoring.scorecards.organisation')}
                rows={a.byOrganisation.map((o) => ({ key: o.organisationId, label: o.acronym ? `${o.name} (${o.acronym})` : o.name, count: o.count, to: `/scorecard?org=${o.organisationId}` }))}
              />
            </div>
            <h3>{t('monitoring.country.latest')}</h3>
            <ul className="activity-list">
              {a.latest.map((item) => (
                <li key={item.id}>
                  <Link to={`/activity?id=${item.id}`}>
                    <strong>{title(item.title)}</strong>
                  </Link>
                  {!item.published && <span className="badge"> {t('monitoring.country.draft')}</span>}
                  <div className="muted">
                    <span dir="ltr">{item.iatiIdentifier}</span> · {statusKeys[item.status] ? t(statusKeys[item.status]!) : item.status} · {item.pillars.map((p) => (pillarKeys[p] ? t(pillarKeys[p]) : p)).join(', ')} ·{' '}
                    <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
