import type { DateRange } from './time-range.ts';

/** The "to" day is before the "from" day (both `YYYY-MM-DD`, so text order is date order). */
export function isReversedRange(range: DateRange): boolean {
  return range.from !== '' && range.to !== '' && range.to < range.from;
}

/** The request field a server error names (`details.field`), if any. */
export function errorField(error: unknown): string | undefined {
  const details = (error as { details?: { field?: unknown } } | null)?.details;
  return typeof details?.field === 'string' ? details.field : undefined;
}
