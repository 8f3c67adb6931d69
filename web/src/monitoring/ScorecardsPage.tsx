import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { fieldKeys } from './labels.ts';
import { getScorecards, type ScorecardList } from './monitoringApi.ts';
import { columns, scorecardsCsv, sortScorecards, type SortKey, type SortOrder } from './scorecardColumns.ts';
import { ReportingCalendar } from './ReportingCalendar.tsx';
import { ShareBar } from './ShareBar.tsx';
import './monitoring.css';

/** Every reporting organisation's scorecard in one sortable table, with a CSV download. */
export function ScorecardsPage() {
  const { t } = useI18n();
  const [state, retry] = useAsync((signal) => getScorecards(signal), []);
  return (
    <div className="page monitoring">
      <h1>{t('monitoring.scorecards.title')}</h1>
      <p>{t('monitoring.scorecards.intro')}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <Scorecards list={state.data} />}
      <ReportingCalendar />
    </div>
  );
}

function Scorecards({ list }: { list: ScorecardList }) {
  const { t, formatNumber, compare } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({ key: 'name', order: 'asc' });
  const items = useMemo(() => sortScorecards(list.items, sort.key, sort.order, compare), [list, sort, compare]);
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(scorecardsCsv(items))}`, [items]);
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key, order: key === 'name' || key === 'freshness' ? 'asc' : 'desc' }));
  const fields = list.requiredFields.map((f) => t(fieldKeys[f])).join(', ');

  if (items.length === 0) return <p role="status">{t('monitoring.scorecards.none')}</p>;
  return (
    <>
      <p className="muted">{t('monitoring.scorecards.required', { fields })}</p>
      <p>
        <a className="button button-secondary" href={csvHref} download="tiphub-scorecards.csv">
          {t('monitoring.scorecards.download')}
        </a>
      </p>
      <div className="table-scroll">
        <table className="data-table list-table scorecard-table">
          <caption>{t('monitoring.scorecards.caption')}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort-button" data-sort={c.key} onClick={() => toggle(c.key)}>
                    {t(c.labelKey)}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.organisation.id} data-organisation={s.organisation.id}>
                <th scope="row">
                  <Link to={`/scorecard?org=${s.organisation.id}`}>{s.organisation.name}</Link>
                  {s.organisation.acronym && <span className="muted"> ({s.organisation.acronym})</span>}
                </th>
                <td className="number">
                  {formatNumber(s.activities)}
                  {s.drafts > 0 && <div className="muted">{t('monitoring.scorecards.drafts', { count: formatNumber(s.drafts) })}</div>}
                </td>
                <td>
                  <ShareBar share={s.complete.share} />
                </td>
                <td className="number">
                  {s.freshness.medianDays === null ? '—' : formatNumber(s.freshness.medianDays)}
                  {s.freshness.oldestDays !== null && <div className="muted">{t('monitoring.scorecards.oldest', { days: formatNumber(s.freshness.oldestDays) })}</div>}
                </td>
                <td>
                  <ShareBar share={s.mandate.share} />
                </td>
                <td>
                  <ShareBar share={s.timeliness.share} />
                  {s.timeliness.roundsDue > 0 && <div className="muted">{t('monitoring.scorecards.rounds', { onTime: formatNumber(s.timeliness.onTime), due: formatNumber(s.timeliness.roundsDue) })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
