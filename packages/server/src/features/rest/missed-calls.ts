/**
 * An agent's missed calls: the calls that rang at the extension they were signed in at (the
 * call record's `agents_offered`, during one of their sessions) and that they did not answer:
 * someone else did, or nobody. Derived from call records and agent sessions; nothing new is stored.
 */
import type { MissedCall } from '@amiable/protocol';
import { type Kysely, sql } from 'kysely';
import { parseJson } from '../../persistence/repositories/common.ts';
import type { Database } from '../../persistence/schema.ts';
import { iso } from './paging.ts';

export interface MissedCallsQuery {
  agentId: string;
  /** Calls started at or after this time (epoch ms). */
  from: number;
  limit: number;
}

export async function listMissedCalls(db: Kysely<Database>, query: MissedCallsQuery): Promise<MissedCall[]> {
  const rows = await db
    .selectFrom('call_records as c')
    .innerJoin('agent_sessions as s', (join) =>
      join
        .onRef('s.pbx', '=', 'c.pbx')
        .on('s.agent_id', '=', query.agentId)
        .onRef('c.started_at', '>=', 's.signed_in_at')
        .on((eb) => eb.or([eb('s.signed_out_at', 'is', null), eb('c.started_at', '<', eb.ref('s.signed_out_at'))])),
    )
    .select([
      'c.linkedid',
      'c.started_at',
      'c.caller_number',
      'c.caller_name',
      'c.customer_id',
      'c.queue',
      'c.outcome',
      'c.transferred',
      'c.answered_by',
      'c.answered_agent_id',
      'c.agents_offered',
      's.extension',
    ])
    .where('c.started_at', '>=', query.from)
    // A first cut in SQL (the extension in the JSON list); the exact check is below.
    .where(sql<boolean>`c.agents_offered like '%"' || s.extension || '"%'`)
    .where((eb) => eb.or([eb('c.answered_by', 'is', null), eb('c.answered_by', '<>', eb.ref('s.extension'))]))
    .where((eb) => eb.or([eb('c.answered_agent_id', 'is', null), eb('c.answered_agent_id', '<>', query.agentId)]))
    .orderBy('c.started_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(query.limit * 2)
    .execute();
  const seen = new Set<string>();
  const out: MissedCall[] = [];
  for (const r of rows) {
    if (seen.has(r.linkedid) || !offeredTo(r.agents_offered, r.extension)) continue;
    seen.add(r.linkedid);
    out.push({
      callId: r.linkedid,
      startedAt: iso(r.started_at),
      callerNumber: r.caller_number,
      callerName: r.caller_name,
      customerId: r.customer_id,
      queue: r.queue,
      extension: r.extension,
      outcome: r.outcome === 'rejected' ? 'failed' : r.outcome === 'answered' && r.transferred ? 'transferred' : (r.outcome as MissedCall['outcome']),
      answeredBy: r.answered_by,
      answeredAgentId: r.answered_agent_id,
    });
    if (out.length === query.limit) break;
  }
  return out;
}

function offeredTo(json: string, extension: string): boolean {
  const list = parseJson<unknown>(json, []);
  return Array.isArray(list) && list.includes(extension);
}
