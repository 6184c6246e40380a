/**
 * The call log: filtered, paged call records, and their CSV export. The export
 * streams page by page (keyset paging), so a year of calls never sits in memory.
 */
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../persistence/database.ts';
import {
  type CallRecord,
  type CallRecordFilter,
  type CallRecordPage,
  createCallRecordsRepository,
} from '../persistence/repositories/call-records.ts';
import type { Database } from '../persistence/schema.ts';
import { csvLine } from './csv-format.ts';
import { type ReportZone, formatInZone, parseZone } from './time-zone.ts';

export const CALL_LOG_CSV_COLUMNS = [
  'started_at', 'answered_at', 'ended_at', 'pbx', 'linkedid', 'direction', 'queue', 'caller_number', 'caller_name',
  'called_number', 'customer_id', 'language', 'outcome', 'answered_by', 'answered_agent_id', 'wait_seconds',
  'ring_seconds', 'talk_seconds', 'hold_seconds', 'wrapup_seconds', 'transferred', 'hangup_by', 'hangup_cause',
  'disposition', 'notes',
] as const;

export interface CallLogDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
}

function time(zone: ReportZone, at: number | null): string {
  return at === null ? '' : formatInZone(zone, at);
}

export function callRecordCsvLine(zone: ReportZone, c: CallRecord): string {
  return csvLine([
    time(zone, c.startedAt), time(zone, c.answeredAt), time(zone, c.endedAt), c.pbx, c.linkedid, c.direction, c.queue,
    c.callerNumber, c.callerName, c.calledNumber, c.customerId, c.language, c.outcome, c.answeredBy, c.answeredAgentId,
    c.waitSeconds, c.ringSeconds, c.talkSeconds, c.holdSeconds, c.wrapupSeconds, c.transferred ? 1 : 0, c.hangupBy,
    c.hangupCause, c.disposition, c.notes,
  ]);
}

export function callLog(deps: CallLogDeps, filter: CallRecordFilter, page: CallRecordPage = {}) {
  return createCallRecordsRepository(deps).list(filter, page);
}

/**
 * CSV text of every call matching the filter, newest first, as chunks (the
 * header, then one chunk per page). Times are ISO 8601 in `timeZone` (default UTC).
 */
export async function* callLogCsv(
  deps: CallLogDeps,
  filter: CallRecordFilter,
  options: { timeZone?: string; pageSize?: number } = {},
): AsyncGenerator<string> {
  const zone = parseZone(options.timeZone);
  const repo = createCallRecordsRepository(deps);
  yield csvLine(CALL_LOG_CSV_COLUMNS);
  let cursor: string | undefined;
  do {
    const { items, nextCursor } = await repo.list(filter, { limit: options.pageSize ?? 1000, ...(cursor ? { cursor } : {}) });
    if (items.length > 0) yield items.map((c) => callRecordCsvLine(zone, c)).join('');
    cursor = nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** The whole export as one string (small ranges, tests). */
export async function callLogCsvText(deps: CallLogDeps, filter: CallRecordFilter, options: { timeZone?: string } = {}): Promise<string> {
  let out = '';
  for await (const chunk of callLogCsv(deps, filter, options)) out += chunk;
  return out;
}
