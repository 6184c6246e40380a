import type { ReportColumn, ReportResult } from '@amiable/protocol';

export interface ChartSpec {
  /** `number`, `seconds` or `percent`: one chart per kind, so bars share a scale. */
  kind: 'number' | 'seconds' | 'percent';
  /** What the chart plots: its series' names, so the title always matches the bars. */
  title: string;
  labels: string[];
  series: { key: string; name: string; values: number[] }[];
}

const PALETTE = ['var(--primary)', 'var(--state-ready)', 'var(--state-paused)', 'var(--state-wrapup)', 'var(--danger)', 'var(--info)'];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? 'var(--primary)';
}

/**
 * The charts of a report, derived from its typed columns: the leading text (or
 * time) columns label the bars (joined, e.g. "Support · 09:00"), and the numeric
 * columns are grouped by kind. Each chart is titled by the series it plots.
 * Works for any report the server adds, without per-report code.
 */
export function chartsFor(report: ReportResult, label: (column: ReportColumn) => string = (c) => c.label, maxSeries = 4): ChartSpec[] {
  const first = report.columns.findIndex((c) => c.type !== 'string' && c.type !== 'timestamp');
  const labelColumns = report.columns.slice(0, first === -1 ? report.columns.length : first);
  if (labelColumns.length === 0 || report.rows.length === 0) return [];
  const labels = report.rows.map((row) => labelColumns.map((c) => labelText(row[c.key], c)).join(' · '));
  const charts: ChartSpec[] = [];
  for (const kind of ['number', 'percent', 'seconds'] as const) {
    const columns = report.columns.filter((c) => c.type === kind).slice(0, maxSeries);
    if (columns.length === 0) continue;
    const series = columns.map((c) => ({ key: c.key, name: label(c), values: report.rows.map((row) => toNumber(row[c.key])) }));
    charts.push({ kind, title: series.map((s) => s.name).join(', '), labels, series });
  }
  return charts;
}

/** The figures shown above a report: its totals' numeric columns. */
export function kpisFor(report: ReportResult, max = 8): { column: ReportColumn; value: string | number | null }[] {
  const totals = report.totals ?? (report.rows.length === 1 ? report.rows[0] : null);
  if (!totals) return [];
  return report.columns
    .filter((c) => c.type === 'percent' || c.type === 'seconds' || c.type === 'number')
    .slice(0, max)
    .map((column) => ({ column, value: totals[column.key] ?? null }));
}

function labelText(value: string | number | null | undefined, column: ReportColumn): string {
  if (value === null || value === undefined) return '—';
  if (column.type === 'timestamp') {
    const d = new Date(String(value));
    if (!Number.isNaN(d.getTime())) return `${String(d.getHours()).padStart(2, '0')}:00`;
  }
  return String(value);
}

function toNumber(value: string | number | null | undefined): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}
