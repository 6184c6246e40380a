import { type Static, Type } from '@sinclair/typebox';
import { Identifier, QueueName, Timestamp } from '../strings.ts';

export const REPORT_NAMES = [
  'queue-summary',
  'agent-activity',
  'agent-timesheet',
  'agent-occupancy',
  'pause-summary',
  'calls-by-hour',
  'calls-by-queue-hour',
  'abandon-by-wait',
  'disposition-counts',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const ReportQuerySchema = Type.Object({
  from: Timestamp(),
  to: Timestamp(),
  queue: Type.Optional(QueueName()),
  agentId: Type.Optional(Identifier()),
  /** Bucket size for time series. */
  interval: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day')])),
});
export type ReportQuery = Static<typeof ReportQuerySchema>;

export const ReportColumnSchema = Type.Object({
  key: Type.String({ maxLength: 64 }),
  label: Type.String({ maxLength: 200 }),
  type: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('seconds'), Type.Literal('percent'), Type.Literal('timestamp')]),
});
export type ReportColumn = Static<typeof ReportColumnSchema>;

/** A report as a table: typed columns, rows keyed by column key, and totals. */
export const ReportResultSchema = Type.Object({
  report: Type.String({ maxLength: 64 }),
  from: Timestamp(),
  to: Timestamp(),
  generatedAt: Timestamp(),
  columns: Type.Array(ReportColumnSchema),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
  totals: Type.Union([Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])), Type.Null()]),
});
export type ReportResult = Static<typeof ReportResultSchema>;
