import { useI18n } from '../i18n/I18nProvider.tsx';

/** Two bars: paragraphs with activities and paragraphs without. The sentence above says the same in words. */
export function CoverageChart({ covered, uncovered }: { covered: number; uncovered: number }) {
  const { t, formatNumber } = useI18n();
  const total = Math.max(covered + uncovered, 1);
  const bars = [
    { key: 'covered', label: t('mandates.page.covered'), value: covered },
    { key: 'uncovered', label: t('mandates.page.uncovered'), value: uncovered },
  ];
  return (
    <dl className="coverage-chart">
      {bars.map((b) => (
        <div key={b.key} className={`coverage-row coverage-${b.key}`} data-coverage={b.key}>
          <dt>{b.label}</dt>
          <dd>
            <span className="coverage-bar" aria-hidden="true">
              <span className="coverage-fill" style={{ inlineSize: `${(b.value / total) * 100}%` }} />
            </span>
            <span className="coverage-value">{formatNumber(b.value)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
