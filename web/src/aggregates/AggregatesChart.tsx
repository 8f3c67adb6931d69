import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { drawable, type YearRow } from './breakdown.ts';

const palette = ['#1f6fb2', '#e07b24', '#5b9e47', '#8c6bb1', '#c2453d', '#3aa5a0', '#b08a2e', '#6b7c8f', '#d46fa8'];
const W = 720;
const H = 260;
const M = { top: 12, right: 12, bottom: 28, left: 52 };

/**
 * Stacked bars per year: the known counts of each part; a dashed outline up to the total
 * shows what the parts leave unattributed (suppressed, unknown or not reported). Suppressed
 * and unknown values are never drawn as numbers; the table below gives every value.
 */
export function AggregatesChart({ rows, parts, partLabel, label }: { rows: YearRow[]; parts: string[]; partLabel: (p: string) => string; label: string }) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  const highest = Math.max(1, ...rows.map((r) => Math.max(drawable(r.total), parts.reduce((s, p) => s + drawable(r.parts[p]), 0))));
  // Round tick steps (1, 2 or 5 times a power of ten), four or five of them.
  const magnitude = Math.max(1, 10 ** Math.floor(Math.log10(highest / 4)));
  const tickStep = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => highest / s <= 5) ?? 10 * magnitude;
  const max = Math.ceil(highest / tickStep) * tickStep;
  const step = (W - M.left - M.right) / Math.max(1, rows.length);
  const barW = Math.max(4, step * 0.7);
  const y = (v: number) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const ticks = Array.from({ length: Math.round(max / tickStep) + 1 }, (_, i) => i * tickStep);
  return (
    <figure className="aggregates-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} width="100%">
        <title id={titleId}>{label}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#d0d4d9" strokeWidth={1} />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#444">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = M.left + i * step + (step - barW) / 2;
          let base = 0;
          const total = drawable(r.total);
          return (
            <g key={r.year}>
              {parts.map((p, k) => {
                const v = drawable(r.parts[p]);
                if (v === 0) return null;
                const rect = (
                  <rect key={p} x={x} y={y(base + v)} width={barW} height={y(base) - y(base + v)} fill={palette[k % palette.length]}>
                    <title>{`${r.year} · ${partLabel(p)}: ${formatNumber(v)}`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {total > base && (
                <rect x={x} y={y(total)} width={barW} height={y(base) - y(total)} fill="none" stroke="#333" strokeDasharray="3 2">
                  <title>{t('aggregates.chart.unattributed', { year: String(r.year), count: formatNumber(total - base) })}</title>
                </rect>
              )}
              {(rows.length <= 12 || i % Math.ceil(rows.length / 12) === 0) && (
                <text x={x + barW / 2} y={H - M.bottom + 16} textAnchor="middle" fontSize={11} fill="#444">
                  {r.year}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="aggregates-legend">
          {parts.map((p, k) => (
            <li key={p}>
              <span className="aggregates-swatch" style={{ background: palette[k % palette.length] }} aria-hidden="true" /> {partLabel(p)}
            </li>
          ))}
          <li>
            <span className="aggregates-swatch aggregates-swatch-outline" aria-hidden="true" /> {t('aggregates.chart.unattributedLegend')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
