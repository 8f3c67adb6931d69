import { useMemo, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { Field } from '../forms/Field.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { organisationsCsv } from './organisationsCsv.ts';
import { listOrganisations, membershipBodies, organisationTypes, type Organisation, type OrganisationFilters } from './registryApi.ts';
import { useCountries } from './useCountries.ts';

export const organisationHref = (id: string) => `/organisation?id=${encodeURIComponent(id)}`;

/** `/organisations`: the directory, filtered by text, type, country and membership, with a CSV download. */
export function OrganisationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [filters, setFilters] = useState<OrganisationFilters>({});
  const [state, retry] = useAsync((signal) => listOrganisations(filters, signal), [filters]);
  return (
    <div className="page registry">
      <h1>{t('registry.title')}</h1>
      <p>{t('registry.intro')}</p>
      {can('organisations.manage') && (
        <p>
          <Link className="button" to="/organisations/new">
            {t('registry.new')}
          </Link>
        </p>
      )}
      <FilterForm onApply={setFilters} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <Directory items={state.data.items} />}
    </div>
  );
}

/** Applied on submit, so typing sends no requests. */
function FilterForm({ onApply }: { onApply: (filters: OrganisationFilters) => void }) {
  const { t } = useI18n();
  const countries = useCountries();
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [country, setCountry] = useState('');
  const [member, setMember] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      type: (type || undefined) as OrganisationFilters['type'],
      country: country || undefined,
      member: (member || undefined) as OrganisationFilters['member'],
    });
  };
  return (
    <form className="filters" role="search" onSubmit={submit} aria-label={t('registry.filters')}>
      <Field label={t('registry.search')} name="q" type="search" value={q} onChange={setQ} />
      <SelectField label={t('registry.type')} name="type" value={type} onChange={setType} emptyLabel={t('registry.any')} options={organisationTypes.map((v) => [v, t(`registry.type.${v}`)] as const)} />
      <SelectField label={t('registry.country')} name="country" value={country} onChange={setCountry} emptyLabel={t('registry.any')} options={countries.options} />
      <SelectField label={t('registry.membership')} name="member" value={member} onChange={setMember} emptyLabel={t('registry.any')} options={membershipBodies.map((b) => [b, t(`registry.body.${b}`)] as const)} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('registry.apply')}
        </button>
      </div>
    </form>
  );
}

function Directory({ items }: { items: Organisation[] }) {
  const { t, name, formatNumber, compare } = useI18n();
  const countries = useCountries();
  const rows = useMemo(() => [...items].sort((a, b) => compare(a.name, b.name)), [items, compare]);
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(organisationsCsv(rows))}`, [rows]);
  if (rows.length === 0) return <p role="status">{t('registry.empty')}</p>;
  return (
    <>
      <p role="status">
        {t('registry.count', { count: formatNumber(rows.length) })}{' '}
        <a className="button button-secondary" href={csvHref} download="tiphub-organisations.csv">
          {t('registry.download')}
        </a>
      </p>
      <div className="table-scroll">
        <table className="data-table list-table organisations-table">
          <caption>{t('registry.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.name')}</th>
              <th scope="col">{t('registry.acronym')}</th>
              <th scope="col">{t('registry.type')}</th>
              <th scope="col">{t('registry.country')}</th>
              <th scope="col">{t('registry.members')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => {
              const country = o.countryIso3 ? countries.byIso3.get(o.countryIso3) : undefined;
              const bodies = membershipBodies.filter((b) => (b === 'iawg' ? o.members.iawg : o.members.globalPartnership));
              return (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={organisationHref(o.id)}>{o.name}</Link>
                    {o.demo && <span className="badge"> {t('registry.demo')}</span>}
                  </th>
                  <td>{o.acronym}</td>
                  <td>{t(`registry.type.${o.type}`)}</td>
                  <td>{country ? name(country.names) : o.countryIso3}</td>
                  <td>{bodies.map((b) => t(`registry.body.${b}`)).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
