/**
 * Reports over call_records, agent_sessions and agent_state_intervals. Every
 * figure is aggregated by the database (GROUP BY); see each module for the
 * exact definitions (service level, ASA, AHT, abandon rate, occupancy) and
 * time-zone.ts for how hours and days are bucketed.
 */
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../persistence/database.ts';
import type { CallRecordFilter, CallRecordPage } from '../persistence/repositories/call-records.ts';
import type { Database } from '../persistence/schema.ts';
import { type AbandonBucket, abandonByWait } from './abandon-by-wait.ts';
import { type AgentCallStats, agentSummary } from './agent-summary.ts';
import { type TimesheetRow, agentTimesheet } from './agent-timesheet.ts';
import { callLog, callLogCsv, callLogCsvText } from './call-log.ts';
import { type QueueHourBucket, callsByQueueHour } from './calls-by-queue-hour.ts';
import { type DayBucket, type HourBucket, callsByDay, callsByHour } from './calls-by-time.ts';
import { type DispositionCount, dispositionCounts } from './disposition-counts.ts';
import { type QueueSummary, queueSummary } from './queue-summary.ts';
import { agentNames, queueNames } from './report-names.ts';
import type { ReportRange } from './report-range.ts';

export { ABANDON_WAIT_BOUNDS, type AbandonBucket } from './abandon-by-wait.ts';
export type { AgentCallStats } from './agent-summary.ts';
export type { QueueHourBucket } from './calls-by-queue-hour.ts';
export type { DispositionCount } from './disposition-counts.ts';
export { queueKey } from './report-names.ts';
export type { TimesheetRow } from './agent-timesheet.ts';
export { CALL_LOG_CSV_COLUMNS } from './call-log.ts';
export type { DayBucket, HourBucket, VolumeBucket } from './calls-by-time.ts';
export { csvCell, csvLine } from './csv-format.ts';
export type { QueueStats, QueueSummary } from './queue-summary.ts';
export type { ReportRange } from './report-range.ts';
export { formatInZone, offsetAt, offsetSegments, parseZone, type ReportZone } from './time-zone.ts';

export interface ReportsDeps {
  db: Kysely<Database>;
  dialect: SqlDialect;
  now?: () => number;
  /** Service-level threshold for queues without a setting. Default 20 s. */
  defaultServiceLevelSeconds?: number;
}

export interface Reports {
  queueSummary(range: ReportRange & { serviceLevelSeconds?: number }): Promise<QueueSummary>;
  agentSummary(range: ReportRange & { agentIds?: readonly string[] }): Promise<AgentCallStats[]>;
  callsByHour(range: ReportRange): Promise<HourBucket[]>;
  callsByDay(range: ReportRange): Promise<DayBucket[]>;
  callsByQueueHour(range: ReportRange): Promise<QueueHourBucket[]>;
  abandonByWait(range: ReportRange): Promise<AbandonBucket[]>;
  dispositionCounts(range: ReportRange): Promise<DispositionCount[]>;
  /** Agents' names by id (display name, else username). */
  agentNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Queues' display names, keyed by queueKey(pbx, queue); queues without one are absent. */
  queueNames(): Promise<Map<string, string>>;
  agentTimesheet(range: ReportRange & { agentIds?: readonly string[] }): Promise<TimesheetRow[]>;
  callLog(filter: CallRecordFilter, page?: CallRecordPage): ReturnType<typeof callLog>;
  /** CSV chunks (header first); pipe into an HTTP reply with Readable.from(). */
  callLogCsv(filter: CallRecordFilter, options?: { timeZone?: string }): AsyncGenerator<string>;
  callLogCsvText(filter: CallRecordFilter, options?: { timeZone?: string }): Promise<string>;
}

export function createReports(deps: ReportsDeps): Reports {
  const now = deps.now ?? Date.now;
  const threshold = deps.defaultServiceLevelSeconds ?? 20;
  const base = { db: deps.db, dialect: deps.dialect };
  return {
    queueSummary: (range) => queueSummary(deps.db, range, threshold, now()),
    agentSummary: (range) => agentSummary({ ...base, now }, range),
    callsByHour: (range) => callsByHour(deps.db, deps.dialect, range),
    callsByDay: (range) => callsByDay(deps.db, deps.dialect, range),
    callsByQueueHour: (range) => callsByQueueHour(deps.db, range),
    abandonByWait: (range) => abandonByWait(deps.db, range),
    dispositionCounts: (range) => dispositionCounts(deps.db, range),
    agentNames: (ids) => agentNames(deps.db, ids),
    queueNames: () => queueNames(deps.db),
    agentTimesheet: (range) => agentTimesheet({ ...base, now }, range),
    callLog: (filter, page) => callLog(base, filter, page),
    callLogCsv: (filter, options) => callLogCsv(base, filter, options),
    callLogCsvText: (filter, options) => callLogCsvText(base, filter, options),
  };
}
