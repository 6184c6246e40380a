/**
 * The call log as clients see it: call records filtered by the request and limited to the
 * caller's reach. Admins see every call; others see the calls answered by themselves or the agents
 * they manage, at their extensions, or (with `queue.monitor`) in their queues.
 */
import { type CallRecord as CallRecordDto, roleHasPermission } from '@amiable/protocol';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Principal } from '../../identity/principal.ts';
import { applyCallFilter } from '../../persistence/repositories/call-record-filter.ts';
import { type CallRecord, toCallRecord } from '../../persistence/repositories/call-records.ts';
import type { Database } from '../../persistence/schema.ts';
import { callRecordCsvLine, CALL_LOG_CSV_COLUMNS } from '../../reports/call-log.ts';
import { csvLine } from '../../reports/csv-format.ts';
import { parseZone } from '../../reports/time-zone.ts';
import type { CallQuery } from './calls-schemas.ts';
import { iso, isoOrNull } from './paging.ts';

/** Who may be seen: every call, or calls touching one of these agents, extensions or queues. */
export type CallScope = 'all' | { agents: readonly string[]; extensions: readonly string[]; queues: readonly string[] };

export function callScopeOf(principal: Principal): CallScope {
  if (principal.role === 'admin') return 'all';
  return {
    agents: [...(principal.agentId ? [principal.agentId] : []), ...principal.agents],
    extensions: principal.extensions,
    queues: roleHasPermission(principal.role, 'queue.monitor') ? principal.queues : [],
  };
}

type CallsQuery = SelectQueryBuilder<Database, 'call_records', object>;

/** `%` and `_` typed by a person are literal characters, not wildcards (`!` escapes them). */
function likePattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function filtered(db: Kysely<Database>, query: CallQuery, scope: CallScope): CallsQuery {
  const agentId = query.agentId ?? query.agent;
  let q = applyCallFilter(db.selectFrom('call_records') as CallsQuery, {
    ...(query.from ? { from: Date.parse(query.from) } : {}),
    ...(query.to ? { to: Date.parse(query.to) } : {}),
    ...(query.queue ? { queue: query.queue } : {}),
    ...(agentId ? { agentId } : {}),
    ...(query.direction ? { direction: query.direction } : {}),
    ...(query.customerId ? { customerId: query.customerId } : {}),
    ...(query.number ? { number: query.number } : {}),
  });
  if (query.agentName !== undefined && query.agentName.trim() !== '') {
    const pattern = likePattern(query.agentName);
    const named = db
      .selectFrom('users')
      .select('users.id')
      .where((eb) =>
        eb.or([
          sql<boolean>`lower(${eb.ref('users.display_name')}) like ${pattern} escape '!'`,
          sql<boolean>`lower(${eb.ref('users.username')}) like ${pattern} escape '!'`,
        ]),
      );
    q = q.where('call_records.answered_agent_id', 'in', named);
  }
  // The log shows an answered call that was passed on as `transferred`, and `rejected` as `failed`.
  if (query.outcome === 'transferred') q = q.where('call_records.transferred', '=', 1);
  else if (query.outcome === 'answered') q = q.where('call_records.outcome', '=', 'answered').where('call_records.transferred', '=', 0);
  else if (query.outcome === 'failed') q = q.where('call_records.outcome', 'in', ['failed', 'rejected']);
  else if (query.outcome) q = q.where('call_records.outcome', '=', query.outcome);
  if (scope === 'all') return q;
  const { agents, extensions, queues } = scope;
  if (agents.length + extensions.length + queues.length === 0) return q.where(sql<boolean>`1 = 0`);
  return q.where((eb) =>
    eb.or([
      ...(agents.length ? [eb('call_records.answered_agent_id', 'in', agents)] : []),
      ...(extensions.length ? [eb('call_records.answered_by', 'in', extensions)] : []),
      ...(queues.length ? [eb('call_records.queue', 'in', queues)] : []),
    ]),
  );
}

const DIALLED_NUMBER = /^\+?[0-9*#][0-9*# ().-]*$/;

export function toCallRecordDto(c: CallRecord, agentName?: string | null): CallRecordDto {
  const cause = c.hangupCause === null ? Number.NaN : Number.parseInt(c.hangupCause, 10);
  return {
    callId: c.linkedid,
    pbx: c.pbx,
    direction: c.direction,
    callerNumber: c.callerNumber,
    callerName: c.callerName,
    // A dialplan extension such as `en` or `s` is not a number the caller dialled.
    calledNumber: c.calledNumber !== null && DIALLED_NUMBER.test(c.calledNumber) ? c.calledNumber : null,
    queue: c.queue,
    agentId: c.answeredAgentId,
    ...(agentName === undefined ? {} : { agentName }),
    extension: c.answeredBy,
    customerId: c.customerId,
    startedAt: iso(c.startedAt),
    answeredAt: isoOrNull(c.answeredAt),
    endedAt: iso(c.endedAt ?? c.startedAt),
    waitSeconds: c.waitSeconds,
    talkSeconds: c.talkSeconds,
    outcome: c.outcome === 'rejected' ? 'failed' : c.outcome === 'answered' && c.transferred ? 'transferred' : c.outcome,
    hangupCause: Number.isFinite(cause) ? cause : null,
    recordingFile: c.recordingFile ?? null,
    disposition: c.disposition,
    notes: c.notes,
  };
}

/** One page of the log, newest first, with the number of matching calls. */
export async function listCalls(db: Kysely<Database>, query: CallQuery, scope: CallScope) {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  const [rows, count] = await Promise.all([
    filtered(db, query, scope)
      .selectAll()
      .orderBy('call_records.started_at', 'desc')
      .orderBy('call_records.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, query, scope)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const records = rows.map(toCallRecord);
  const names = await agentNames(db, records.map((r) => r.answeredAgentId));
  return {
    items: records.map((r) => toCallRecordDto(r, r.answeredAgentId === null ? null : (names.get(r.answeredAgentId) ?? null))),
    total: Number(count.n),
  };
}

/** The display names of the agents of one page, in one query. */
async function agentNames(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * The whole log as CSV chunks (header first), newest first, read page by page on a
 * (started_at, id) key so memory stays flat. Times are ISO 8601 in `timeZone` (default UTC).
 */
export async function* callLogCsv(db: Kysely<Database>, query: CallQuery, scope: CallScope, pageSize = 1000): AsyncGenerator<string> {
  const zone = parseZone(query.timeZone);
  yield csvLine(CALL_LOG_CSV_COLUMNS);
  let after: { startedAt: number; id: string } | undefined;
  for (;;) {
    let q = filtered(db, query, scope).selectAll();
    if (after) {
      const { startedAt, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('call_records.started_at', '<', startedAt),
          eb.and([eb('call_records.started_at', '=', startedAt), eb('call_records.id', '<', id)]),
        ]),
      );
    }
    const rows = await q.orderBy('call_records.started_at', 'desc').orderBy('call_records.id', 'desc').limit(pageSize).execute();
    if (rows.length === 0) return;
    const records = rows.map(toCallRecord);
    yield records.map((c) => callRecordCsvLine(zone, c)).join('');
    const last = records.at(-1) as CallRecord;
    after = { startedAt: last.startedAt, id: last.id };
    if (rows.length < pageSize) return;
  }
}
