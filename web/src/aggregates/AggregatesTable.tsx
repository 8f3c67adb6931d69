import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AggregateValue, ReportHead } from './aggregatesApi.ts';
import type { YearRow } from './breakdown.ts';

/** A value as people read it: a number, `<5`, "unknown", or a dash for not reported. */
export function ValueText({ value }: { value: AggregateValue | null | undefined }) {
  const { t, formatNumber } = useI18n();
  if (!value) return <span title={t('aggregates.value.notReported')}>—</span>;
  if (value.kind === 'count') return <>{formatNumber(value.count)}</>;
  if (value.kind === 'suppressed') return <span title={t('aggregates.value.suppressedTitle', { bound: formatNumber(value.below) })}>{`<${formatNumber(value.below)}`}</span>;
  return <span className="muted">{t('aggregates.value.unknown')}</span>;
}

export function AggregatesTable({ rows, parts, partLabel, reports, caption }: { rows: YearRow[]; parts: string[]; partLabel: (p: string) => string; reports: ReportHead[]; caption: string }) {
  const { t } = useI18n();
  const status = new Map(reports.map((r) => [r.year, r.status]));
  return (
    <div className="table-scroll">
      <table className="aggregates-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('aggregates.table.year')}</th>
            <th scope="col">{t('aggregates.table.status')}</th>
            <th scope="col">{t('aggregates.table.total')}</th>
            {parts.map((p) => (
              <th scope="col" key={p}>
                {partLabel(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <td>{status.has(r.year) ? t(`aggregates.status.${status.get(r.year)!}`) : '—'}</td>
              <td>
                <ValueText value={r.total} />
              </td>
              {parts.map((p) => (
                <td key={p}>
                  <ValueText value={r.parts[p]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
