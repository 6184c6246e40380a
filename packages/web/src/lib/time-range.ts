import { toDateInput } from './format.ts';

/** A date range picked in the reports, as `YYYY-MM-DD` local dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/** The ISO timestamps of a local date range: from the start of `from` to the end of `to`. */
export function rangeToIso(range: DateRange): { from: string; to: string } {
  const [fy, fm, fd] = range.from.split('-').map(Number);
  const [ty, tm, td] = range.to.split('-').map(Number);
  const start = new Date(fy ?? 1970, (fm ?? 1) - 1, fd ?? 1, 0, 0, 0, 0);
  const end = new Date(ty ?? 1970, (tm ?? 1) - 1, (td ?? 1) + 1, 0, 0, 0, 0);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** Today, or the last `days` days ending today. */
export function lastDays(days: number, now = new Date()): DateRange {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: toDateInput(start), to: toDateInput(now) };
}

/** Start of the local day of `now`, as ISO. */
export function startOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}
