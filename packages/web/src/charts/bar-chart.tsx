import { niceMax, scaleLinear, ticks } from '../lib/scale.ts';

export interface BarSeries {
  name: string;
  /** A CSS colour, usually a design token such as `var(--primary)`. */
  color: string;
  values: number[];
}

/**
 * Grouped vertical bars drawn in SVG: one group per label, one bar per series,
 * a value axis with round ticks. It scales to its container's width.
 */
export function BarChart({
  labels,
  series,
  height = 220,
  format = (v: number) => String(v),
  testId,
  title,
}: {
  labels: string[];
  series: BarSeries[];
  height?: number;
  format?: (value: number) => string;
  testId?: string;
  title?: string;
}) {
  const width = Math.max(320, labels.length * Math.max(28, series.length * 14 + 10));
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const widest = Math.max(...ticks(max).map((t) => format(t).length));
  const margin = { top: 12, right: 8, bottom: 34, left: Math.max(32, widest * 7 + 10) };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const groupW = labels.length ? innerW / labels.length : innerW;
  const barW = Math.max(3, (groupW * 0.78) / Math.max(1, series.length));
  const labelEvery = Math.ceil(labels.length / Math.max(1, Math.floor(innerW / 44)));

  return (
    <figure className="chart" data-testid={testId}>
      {title && <figcaption className="chart-title">{title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title ?? 'Bar chart'} preserveAspectRatio="xMidYMid meet">
        <g transform={`translate(${margin.left},${margin.top})`}>
          {ticks(max).map((t) => {
            const y = innerH - scaleLinear(t, max, innerH);
            return (
              <g key={t}>
                <line x1={0} x2={innerW} y1={y} y2={y} className="chart-grid" />
                <text x={-6} y={y} dy="0.32em" textAnchor="end" className="chart-axis">
                  {format(t)}
                </text>
              </g>
            );
          })}
          {labels.map((label, i) => (
            <g key={label} transform={`translate(${i * groupW + (groupW - barW * series.length) / 2},0)`}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                const h = scaleLinear(v, max, innerH);
                return (
                  <rect key={s.name} x={j * barW} y={innerH - h} width={barW - 1} height={h} rx={2} fill={s.color}>
                    <title>{`${label} · ${s.name}: ${format(v)}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={(barW * series.length) / 2} y={innerH + 16} textAnchor="middle" className="chart-axis">
                  {label}
                </text>
              )}
            </g>
          ))}
          <line x1={0} x2={innerW} y1={innerH} y2={innerH} className="chart-baseline" />
        </g>
      </svg>
      {series.length > 1 && (
        <div className="chart-legend">
          {series.map((s) => (
            <span key={s.name}>
              <i style={{ background: s.color }} /> {s.name}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}
