import type { ReportColumn, ReportResult } from '@amiable/protocol';
import type { CsvColumn } from './csv.ts';
import { formatDateTime, formatDurationLong, formatPercent } from './format.ts';

type Cell = string | number | null | undefined;

/** A report cell for display, by the column's declared type. */
export function formatCell(value: Cell, type: ReportColumn['type']): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (type) {
    case 'seconds':
      return formatDurationLong(Number(value));
    case 'percent':
      return formatPercent(Number(value), 1);
    case 'timestamp':
      return formatDateTime(String(value));
    case 'number':
      return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : String(value);
    default:
      return String(value);
  }
}

/** CSV columns of a report: raw values (seconds as numbers), headers from the labels (or `label`). */
export function reportCsvColumns(report: ReportResult, label: (column: ReportColumn) => string = (c) => c.label): CsvColumn<Record<string, Cell>>[] {
  return report.columns.map((c) => ({ header: label(c), value: (row) => row[c.key] ?? null }));
}

/** The first column whose key matches one of `keys` (reports name the same figure differently). */
export function findColumn(report: ReportResult, keys: readonly string[]): ReportColumn | undefined {
  const wanted = keys.map((k) => k.toLowerCase());
  return report.columns.find((c) => wanted.includes(c.key.toLowerCase()));
}

/** Numeric series of `valueKey` by `labelKey`, for charts. */
export function series(report: ReportResult, labelKey: string, valueKey: string): { label: string; value: number }[] {
  return report.rows.map((row) => ({ label: String(row[labelKey] ?? ''), value: Number(row[valueKey] ?? 0) || 0 }));
}
