/**
 * `GET /api/reports/:name` (JSON, or CSV with `format=csv`). Admins see everything; supervisors
 * and integrations see their queues (queue reports) and the agents they manage or are configured
 * for (agent reports). Naming a queue or agent outside that reach is refused.
 */
import { Readable } from 'node:stream';
import {
  ErrorBodySchema,
  Identifier,
  QueueName,
  REPORT_NAMES,
  ReportResultSchema,
  type ReportResult,
  Timestamp,
} from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { forbidden } from '../../identity/errors.ts';
import { can } from '../../identity/permissions.ts';
import type { Principal } from '../../identity/principal.ts';
import { createReports } from '../../reports/index.ts';
import { csvLine } from '../../reports/csv-format.ts';
import { checkRange } from '../../reports/report-range.ts';
import { callLogCsv, callScopeOf, listCalls } from './call-log.ts';
import { TimeZoneParam } from './calls-schemas.ts';
import type { FeatureContext } from './deps.ts';
import {
  abandonByWaitTable,
  agentActivityTable,
  agentOccupancyTable,
  agentTimesheetTable,
  callsByQueueHourTable,
  callsByTimeTable,
  col,
  dispositionCountsTable,
  pauseSummaryTable,
  queueSummaryTable,
  type ReportTable,
  type TableInput,
} from './report-tables.ts';
import { notFound } from './store-errors.ts';
import { unique } from './user-links.ts';

const TABLES = {
  'queue-summary': queueSummaryTable,
  'agent-activity': agentActivityTable,
  'agent-timesheet': agentTimesheetTable,
  'pause-summary': pauseSummaryTable,
  'calls-by-hour': callsByTimeTable,
  'calls-by-day': (input: TableInput) => callsByTimeTable({ ...input, interval: 'day' }),
  'agent-occupancy': agentOccupancyTable,
  'calls-by-queue-hour': callsByQueueHourTable,
  'abandon-by-wait': abandonByWaitTable,
  'disposition-counts': dispositionCountsTable,
} as const;
type TableName = keyof typeof TABLES;
const AGENT_REPORTS: readonly string[] = ['agent-activity', 'agent-timesheet', 'agent-occupancy', 'pause-summary'];

/** Every report this server answers: the protocol's, plus calls per day and the call log. */
export const AVAILABLE_REPORTS = [...new Set([...REPORT_NAMES, 'calls-by-day', 'call-log'])];

export const ReportParamsSchema = Type.Object({ name: Type.String({ pattern: '^[a-z-]+$', maxLength: 64 }) });
export const ReportRequestSchema = Type.Object({
  from: Timestamp(),
  to: Timestamp(),
  queue: Type.Optional(QueueName()),
  agentId: Type.Optional(Identifier()),
  /** Alias of `agentId`. */
  agent: Type.Optional(Identifier()),
  interval: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day')])),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  timeZone: Type.Optional(TimeZoneParam),
  serviceLevelSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
});
type ReportRequest = Static<typeof ReportRequestSchema>;

export interface ReportReach {
  /** Queues to cover; undefined for all. */
  queues: string[] | undefined;
  /** Agents to cover; undefined for all. */
  agentIds: string[] | undefined;
}

/** What the caller may see of a report, narrowed by the queue and agent asked for. */
export function reportReach(principal: Principal, query: ReportRequest): ReportReach {
  const agent = query.agentId ?? query.agent;
  if (principal.role === 'admin') {
    return { queues: query.queue ? [query.queue] : undefined, agentIds: agent ? [agent] : undefined };
  }
  const agents = unique([...(principal.agentId ? [principal.agentId] : []), ...principal.agents]);
  if (query.queue && !principal.queues.includes(query.queue)) throw forbidden(`queue ${query.queue} is outside your scope`);
  if (agent && !agents.includes(agent)) throw forbidden(`agent ${agent} is outside your scope`);
  return { queues: query.queue ? [query.queue] : [...principal.queues], agentIds: agent ? [agent] : agents };
}

export function reportCsv(report: ReportResult): string {
  const keys = report.columns.map((c) => c.key);
  return csvLine(keys) + report.rows.map((row) => csvLine(keys.map((k) => row[k] ?? null))).join('');
}

export async function reportsRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize } = app.gateway;
  const reports = createReports({ db: ctx.db, dialect: ctx.dialect, now: ctx.now, defaultServiceLevelSeconds: ctx.defaultServiceLevelSeconds });

  app.get<{ Params: Static<typeof ReportParamsSchema>; Querystring: ReportRequest }>(
    '/api/reports/:name',
    {
      schema: {
        tags: ['reports'],
        summary: `A report over a date range: ${AVAILABLE_REPORTS.join(', ')}. Add format=csv for CSV.`,
        security: SECURED,
        params: ReportParamsSchema,
        querystring: ReportRequestSchema,
        response: { 200: ReportResultSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
      },
      preHandler: authorize(),
    },
    async (request, reply) => {
      const { name } = request.params;
      const query = request.query;
      const principal = principalOf(request);
      // Reports need report.read; an agent may still read its own timesheet (the desktop's "Today").
      const ownTimesheet = name === 'agent-timesheet' && principal.agentId !== undefined && (query.agentId ?? query.agent) === principal.agentId;
      if (!ownTimesheet && !can(principal, 'report.read')) throw forbidden(`role ${principal.role} lacks report.read`);
      if (!AVAILABLE_REPORTS.includes(name)) throw notFound(`No report ${name}; available: ${AVAILABLE_REPORTS.join(', ')}`);
      // A reversed or empty range is refused before any query: 400 CTI_ERR_REPORT_RANGE naming the field.
      checkRange({ from: Date.parse(query.from), to: Date.parse(query.to), ...(query.timeZone ? { timeZone: query.timeZone } : {}) });
      const file = `${name}-${query.from.slice(0, 10)}.csv`;

      if (name === 'call-log') {
        const agentId = query.agentId ?? query.agent;
        const callQuery = { ...query, ...(agentId ? { agentId } : {}), limit: 1000, offset: 0 };
        const scope = callScopeOf(principal);
        if (query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${file}"`)
            .send(Readable.from(callLogCsv(ctx.db, callQuery, scope)));
        }
        const calls = await listCalls(ctx.db, callQuery, scope);
        const agentName = await reports.agentNames(calls.items.flatMap((c) => (c.agentId ? [c.agentId] : [])));
        return result(name, query, ctx.now(), callLogTable(calls.items, agentName));
      }

      const reach = reportReach(principal, query);
      const isAgentReport = AGENT_REPORTS.includes(name);
      const range = {
        from: Date.parse(query.from),
        to: Date.parse(query.to),
        ...(query.timeZone ? { timeZone: query.timeZone } : {}),
        ...(reach.queues && (!isAgentReport || query.queue) ? { queues: reach.queues } : {}),
      };
      const table = await TABLES[name as TableName]({
        reports,
        repos: ctx.repos,
        range,
        agentIds: isAgentReport ? reach.agentIds : undefined,
        interval: query.interval ?? 'hour',
        serviceLevelSeconds: query.serviceLevelSeconds,
      });
      const report = result(name, query, ctx.now(), table);
      if (query.format !== 'csv') return report;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(reportCsv(report));
    },
  );
}

function result(name: string, query: ReportRequest, now: number, table: ReportTable): ReportResult {
  return { report: name, from: query.from, to: query.to, generatedAt: new Date(now).toISOString(), ...table };
}

function callLogTable(calls: Awaited<ReturnType<typeof listCalls>>['items'], agentName: ReadonlyMap<string, string>): ReportTable {
  return {
    columns: [
      col('startedAt', 'Started', 'timestamp'),
      col('callerNumber', 'Caller', 'string'),
      col('queue', 'Queue', 'string'),
      col('agent', 'Agent', 'string'),
      col('outcome', 'Outcome', 'string'),
      col('waitSeconds', 'Wait', 'seconds'),
      col('talkSeconds', 'Talk', 'seconds'),
    ],
    rows: calls.map((c) => ({
      startedAt: c.startedAt,
      callerNumber: c.callerNumber,
      queue: c.queue,
      agent: c.agentId ? (agentName.get(c.agentId) ?? c.agentId) : null,
      outcome: c.outcome,
      waitSeconds: c.waitSeconds,
      talkSeconds: c.talkSeconds,
    })),
    totals: null,
  };
}
