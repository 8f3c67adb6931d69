// A State's own counts: by year, form, sex and age band, as bar charts and captioned tables,
// with a CSV of the counts (never identifiers).
import { useMemo } from 'react';
import { ageBands, exploitationForms, genders } from '../../../server/modules/incidents/incidents.values.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorState } from '../shared/ErrorState.tsx';
import { LoadingState } from '../shared/LoadingState.tsx';
import { useAsync } from '../shared/useAsync.ts';
import { BarChart, type Bar } from './BarChart.tsx';
import { getStatistics, type Statistics } from './incidentsApi.ts';
import { labelKey } from './labels.ts';

type Dimension = Statistics['counts'][number]['dimension'];

/** Sums counts of one dimension over the years, in the value set's order, "not known" last. */
function totals(stats: Statistics, dimension: Dimension, order: readonly string[]): { key: string | null; n: number }[] {
  const by = new Map<string | null, number>();
  for (const c of stats.counts) if (c.dimension === dimension) by.set(c.key, (by.get(c.key) ?? 0) + c.n);
  const keys = [...order.filter((k) => by.has(k)), ...[...by.keys()].filter((k): k is string => k !== null && !order.includes(k)), ...(by.has(null) ? [null] : [])];
  return keys.map((key) => ({ key, n: by.get(key)! }));
}

export function countsCsv(stats: Statistics): string {
  const lines = ['state,year,dimension,category,victims'];
  for (const c of stats.counts) lines.push([stats.reportingState, c.year, c.dimension, c.key ?? (c.dimension === 'total' ? 'total' : 'not_known'), c.n].join(','));
  return `${lines.join('\n')}\n`;
}

export function StatisticsSection({ state }: { state: string }) {
  const { t } = useI18n();
  const [loaded, retry] = useAsync((signal) => getStatistics(state, signal), [state]);
  return (
    <section aria-labelledby="incident-stats">
      <h2 id="incident-stats">{t('incidents.stats.title')}</h2>
      <p className="muted">{t('incidents.stats.note')}</p>
      {loaded.status === 'loading' && <LoadingState />}
      {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={retry} />}
      {loaded.status === 'ready' && <Figures stats={loaded.data} />}
    </section>
  );
}

function Figures({ stats }: { stats: Statistics }) {
  const { t, formatNumber } = useI18n();
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(countsCsv(stats))}`, [stats]);
  if (stats.counts.length === 0) return <p role="status">{t('incidents.stats.none')}</p>;
  const name = (set: 'form' | 'gender' | null) => (key: string | null) => (key === null ? t('incidents.stats.unknown') : set ? t(labelKey(set, key)) : key);
  const blocks: { id: string; title: string; rows: { key: string | null; n: number }[]; label: (k: string | null) => string }[] = [
    { id: 'year', title: t('incidents.stats.byYear'), rows: yearly(stats), label: name(null) },
    { id: 'form', title: t('incidents.stats.byForm'), rows: totals(stats, 'form', exploitationForms), label: name('form') },
    { id: 'sex', title: t('incidents.stats.bySex'), rows: totals(stats, 'sex', genders), label: name('gender') },
    { id: 'age', title: t('incidents.stats.byAge'), rows: totals(stats, 'ageBand', ageBands), label: name(null) },
  ];
  return (
    <>
      <p>
        <a className="button button-secondary" href={csvHref} download={`tiphub-incidents-${stats.reportingState}.csv`}>
          {t('incidents.stats.download')}
        </a>
      </p>
      <div className="stats-grid">
        {blocks.map((b) => {
          const bars: Bar[] = b.rows.map((r) => ({ label: b.label(r.key), value: r.n }));
          return (
            <figure key={b.id} className="stats-block" data-dimension={b.id}>
              <BarChart bars={bars} title={t('incidents.stats.chart', { title: b.title })} format={formatNumber} />
              <table className="data-table">
                <caption>{b.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('incidents.stats.category')}</th>
                    <th scope="col">{t('incidents.stats.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((bar) => (
                    <tr key={bar.label}>
                      <th scope="row">{bar.label}</th>
                      <td className="number">{formatNumber(bar.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          );
        })}
      </div>
    </>
  );
}

function yearly(stats: Statistics): { key: string | null; n: number }[] {
  return stats.counts.filter((c) => c.dimension === 'total').map((c) => ({ key: String(c.year), n: c.n }));
}
