// A horizontal bar chart in plain SVG: one bar per row, labelled, with the figures beside the
// bars. The same figures are in the table under it, so the chart is decorative for screen readers.
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ bars, title, format }: { bars: Bar[]; title: string; format: (n: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 22;
  const labelWidth = 190;
  const width = 560;
  const barSpace = width - labelWidth - 60;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${bars.length * row + 4}`} role="img" aria-label={title} width="100%">
      {bars.map((b, i) => {
        const y = i * row + 2;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barSpace);
        return (
          <g key={b.label} aria-hidden="true">
            <text x={labelWidth - 6} y={y + row / 2 + 4} textAnchor="end" className="bar-label">
              {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={row - 6} className="bar" />
            <text x={labelWidth + w + 4} y={y + row / 2 + 4} className="bar-value">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
