/**
 * Report time zones. Hour and day buckets are computed in the database as
 * (time + offset) integer-divided by the bucket size. A zone is either a fixed
 * UTC offset ('UTC', 'Z', '+02:00', '-0530') or an IANA name ('Europe/Paris').
 * For an IANA zone the range is cut into segments of constant offset (DST
 * changes) in JS, and the SQL picks the segment's offset with a CASE, so the
 * same query runs on SQLite (which has no time-zone support) and PostgreSQL.
 */
import { InvalidReportRangeError } from '../persistence/errors.ts';

export interface OffsetSegment {
  /** Segment start (inclusive), epoch ms. */
  from: number;
  /** Offset from UTC in ms during the segment. */
  offsetMs: number;
}

export type ReportZone = { kind: 'fixed'; offsetMs: number; name: string } | { kind: 'iana'; name: string; format: Intl.DateTimeFormat };

const FIXED = /^([+-])(\d{2}):?(\d{2})$/;
const formats = new Map<string, Intl.DateTimeFormat>();

export function parseZone(zone: string | undefined): ReportZone {
  const name = zone?.trim() || 'UTC';
  if (name === 'UTC' || name === 'Z') return { kind: 'fixed', offsetMs: 0, name: 'UTC' };
  const m = FIXED.exec(name);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    if (Number(m[2]) > 14 || Number(m[3]) > 59) throw new InvalidReportRangeError(`invalid UTC offset ${name}`, { field: 'timeZone', timeZone: name });
    return { kind: 'fixed', offsetMs: (m[1] === '-' ? -1 : 1) * minutes * 60_000, name };
  }
  let format = formats.get(name);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InvalidReportRangeError(`unknown time zone ${name}`, { field: 'timeZone', timeZone: name });
    }
    formats.set(name, format);
  }
  return { kind: 'iana', name, format };
}

/** Offset from UTC in ms at instant `at`. */
export function offsetAt(zone: ReportZone, at: number): number {
  if (zone.kind === 'fixed') return zone.offsetMs;
  const parts: Record<string, number> = {};
  for (const p of zone.format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

const STEP = 6 * 3_600_000;

/** Constant-offset segments covering [from, to). The first starts at `from`. */
export function offsetSegments(zone: ReportZone, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ from, offsetMs: offsetAt(zone, from) }];
  if (zone.kind === 'fixed') return segments;
  let at = from;
  let current = segments[0]!.offsetMs;
  while (at < to) {
    const next = Math.min(at + STEP, to);
    const offset = offsetAt(zone, next);
    if (offset !== current) {
      // Transitions happen on whole seconds: binary-search the first second with the new offset.
      let lo = at;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetAt(zone, mid) === current) lo = mid;
        else hi = mid;
      }
      segments.push({ from: hi, offsetMs: offset });
      current = offset;
    }
    at = next;
  }
  return segments;
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-02T10:15:00+01:00. */
export function formatInZone(zone: ReportZone, at: number): string {
  const offset = offsetAt(zone, at);
  const local = new Date(at + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
