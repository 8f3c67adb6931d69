// /incidents/intake: the Coordinator's view of which States reported for which year, how
// complete and timely the reports are, and what is still open.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router/Link.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { getIntake, type Intake } from './incidentsApi.ts';
import './incidents.css';

const THIS_YEAR = new Date().getUTCFullYear();

export function IntakePage() {
  const { t } = useI18n();
  const [range, setRange] = useState({ from: THIS_YEAR - 10, to: THIS_YEAR });
  const [loaded, retry] = useAsync((signal) => getIntake(range.from, range.to, signal), [range.from, range.to]);
  const years = Array.from({ length: THIS_YEAR - 2002 }, (_, i) => 2003 + i);
  return (
    <div className="page incidents intake">
      <h1>{t('incidents.intake.title')}</h1>
      <p>{t('incidents.intake.intro')}</p>
      <div className="filters">
        {(['from', 'to'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`intake-${k}`}>{t(`incidents.intake.${k}`)}</label>
            <select id={`intake-${k}`} value={range[k]} onChange={(e) => setRange((r) => ({ ...r, [k]: Number(e.target.value) }))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {loaded.status === 'loading' && <LoadingState />}
      {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={retry} />}
      {loaded.status === 'ready' && <Dashboard data={loaded.data} />}
    </div>
  );
}

function Dashboard({ data }: { data: Intake }) {
  const { t, formatNumber } = useI18n();
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(Math.round(v * 100))} %`);
  const states = [...new Set(data.cells.map((c) => c.state))].sort();
  const years = Array.from({ length: data.toYear - data.fromYear + 1 }, (_, i) => data.fromYear + i);
  const cell = new Map(data.cells.map((c) => [`${c.state}:${c.year}`, c]));
  if (states.length === 0) return <p role="status">{t('incidents.intake.empty')}</p>;
  return (
    <>
      <p className="muted">{t('incidents.intake.deadline', { days: data.deadlineDays })}</p>
      <p className="muted">{t('incidents.intake.completenessHelp')}</p>
      <div className="table-scroll">
        <table className="data-table intake-matrix">
          <caption>{t('incidents.intake.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.intake.state')}</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s} data-state={s}>
                <th scope="row">
                  <Link to={`/incidents?state=${s}`}>{s}</Link>
                </th>
                {years.map((y) => {
                  const c = cell.get(`${s}:${y}`);
                  if (!c) return <td key={y} className="intake-empty">—</td>;
                  const level = c.accepted + c.submitted > 0 ? (c.returned > 0 ? 'partial' : 'ok') : 'none';
                  return (
                    <td key={y} className={`intake-cell intake-${level}`} title={t('incidents.intake.cell', { accepted: c.accepted, submitted: c.submitted, returned: c.returned })}>
                      <span>
                        {formatNumber(c.accepted)}/{formatNumber(c.submitted)}
                      </span>
                      <span className="visually-hidden">{t('incidents.intake.cell', { accepted: c.accepted, submitted: c.submitted, returned: c.returned })}</span>
                      <small>{t('incidents.intake.quality', { completeness: pct(c.completeness), timeliness: pct(c.timeliness) })}</small>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('incidents.intake.problems')}</h2>
      {data.problems.length === 0 ? (
        <p role="status">{t('incidents.intake.noProblems')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table list-table">
            <caption>{t('incidents.intake.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.intake.case')}</th>
                <th scope="col">{t('incidents.intake.state')}</th>
                <th scope="col">{t('incidents.intake.kind')}</th>
                <th scope="col">{t('incidents.intake.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {data.problems.map((p, i) => (
                <tr key={`${p.caseId}-${i}`}>
                  <th scope="row">
                    <Link to={`/incident?state=${p.state}&id=${p.caseId}`}>{p.externalId}</Link>
                  </th>
                  <td>
                    {p.state} {p.year}
                  </td>
                  <td>{t(`incidents.intake.kind.${p.kind}`)}</td>
                  <td>
                    {p.field && <code>{p.field}</code>} <span lang="en">{p.detail}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.problemsTruncated && <p className="muted">{t('incidents.intake.truncated')}</p>}
    </>
  );
}
