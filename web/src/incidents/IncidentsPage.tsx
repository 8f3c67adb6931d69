// /incidents: a State's own case reports (filter by status and year) and its counts.
import { useState } from 'react';
import { caseStatuses } from '../../../server/modules/incidents/incidents.values.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { SelectField } from '../forms/SelectField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useSearchParam } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { listCases, type CaseFilter } from './incidentsApi.ts';
import { labelKey } from './labels.ts';
import { ownStates } from './ownStates.ts';
import { RetentionSection } from './RetentionSection.tsx';
import { StatisticsSection } from './StatisticsSection.tsx';
import './incidents.css';

const YEARS = Array.from({ length: new Date().getUTCFullYear() - 2002 }, (_, i) => String(new Date().getUTCFullYear() - i));

export function IncidentsPage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  const own = ownStates(user);
  const asked = (useSearchParam('state') ?? '').toUpperCase();
  const state = /^[A-Z]{3}$/.test(asked) ? asked : (own[0] ?? '');
  const [typed, setTyped] = useState(state);
  return (
    <div className="page incidents">
      <h1>{t('incidents.title')}</h1>
      <p>{t('incidents.intro')}</p>
      {can('state_reports.review') || own.length !== 1 ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/incidents?state=${typed.toUpperCase()}`);
          }}
        >
          <label htmlFor="incident-state">{t('incidents.state')}</label>
          <input id="incident-state" value={typed} maxLength={3} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="button button-secondary">
            {t('incidents.show')}
          </button>
        </form>
      ) : null}
      <p className="actions">
        {state && can('state_reports.submit') && (
          <Link className="button" to={`/incidents/new?state=${state}`}>
            {t('incidents.new')}
          </Link>
        )}{' '}
        {can('state_reports.read') && !own.length && <Link to="/incidents/intake">{t('incidents.intake.link')}</Link>}
      </p>
      {!state ? <p role="status">{t('incidents.noState')}</p> : <StateView key={state} state={state} />}
    </div>
  );
}

function StateView({ state }: { state: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [filter, setFilter] = useState<CaseFilter>({ state, status: '', year: '' });
  const [loaded, retry] = useAsync((signal) => listCases(filter, signal), [filter.state, filter.status, filter.year]);
  return (
    <>
      <section aria-labelledby="incident-list">
        <h2 id="incident-list">{t('incidents.list.title', { state })}</h2>
        <div className="filters">
          <SelectField label={t('incidents.filter.status')} name="status" value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v as CaseFilter['status'] }))} emptyLabel={t('incidents.filter.any')} options={caseStatuses.map((s) => [s, t(labelKey('status', s))] as const)} />
          <SelectField label={t('incidents.filter.year')} name="year" value={filter.year} onChange={(v) => setFilter((f) => ({ ...f, year: v }))} emptyLabel={t('incidents.filter.any')} options={YEARS.map((y) => [y, y] as const)} />
        </div>
        {loaded.status === 'loading' && <LoadingState />}
        {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={retry} />}
        {loaded.status === 'ready' && (loaded.data.items.length === 0 ? <p role="status">{t('incidents.list.none')}</p> : <CaseTable state={state} data={loaded.data} />)}
      </section>
      <StatisticsSection state={state} />
      {can('state_reports.submit') && <RetentionSection state={state} />}
    </>
  );
}

function CaseTable({ state, data }: { state: string; data: Awaited<ReturnType<typeof listCases>> }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table list-table case-table">
        <caption>{t('incidents.list.caption', { state, count: formatNumber(data.total), shown: formatNumber(data.items.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.list.externalId')}</th>
            <th scope="col">{t('incidents.filter.status')}</th>
            <th scope="col">{t('incidents.list.entity')}</th>
            <th scope="col">{t('incidents.list.victims')}</th>
            <th scope="col">{t('incidents.list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((c) => (
            <tr key={c.id} data-status={c.status}>
              <th scope="row">
                <Link to={`/incident?state=${c.reportingState}&id=${c.id}`}>{c.externalId}</Link>
              </th>
              <td>{t(labelKey('status', c.status))}</td>
              <td>{t(labelKey('entity', c.reportingEntity.type))}</td>
              <td className="number">{formatNumber(c.victims)}</td>
              <td>{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
