/**
 * Reads back the archive: CTI events after a given id (resume after reconnect
 * when the in-memory ring buffer no longer holds the gap) and the AMI events
 * of one call (support and debugging).
 */
import type { Kysely } from 'kysely';
import { parseJson } from '../repositories/common.ts';
import type { Database } from '../schema.ts';

export interface ArchivedCtiEvent {
  id: number;
  at: number;
  type: string;
  pbx: string | null;
  agent: string | null;
  extension: string | null;
  queue: string | null;
  tenant: string | null;
  seq: number | null;
  payload: unknown;
}

export interface ArchivedAmiEvent {
  id: number;
  pbx: string;
  receivedAt: number;
  event: string;
  linkedid: string | null;
  uniqueid: string | null;
  fields: string[];
}

export interface ArchiveReader {
  ctiEventsAfter(afterId: number, options?: { limit?: number; types?: readonly string[] }): Promise<ArchivedCtiEvent[]>;
  amiEventsOfCall(pbx: string, linkedid: string, options?: { limit?: number }): Promise<ArchivedAmiEvent[]>;
  /** Highest archived CTI event id (0 when empty). */
  lastCtiEventId(): Promise<number>;
}

export function createArchiveReader(deps: { db: Kysely<Database> }): ArchiveReader {
  const { db } = deps;
  return {
    async ctiEventsAfter(afterId, options = {}) {
      let q = db.selectFrom('cti_events').selectAll().where('id', '>', afterId);
      if (options.types !== undefined && options.types.length > 0) q = q.where('type', 'in', options.types);
      const rows = await q
        .orderBy('id')
        .limit(Math.min(Math.max(options.limit ?? 1000, 1), 10_000))
        .execute();
      return rows.map((r) => ({ ...r, id: Number(r.id), payload: parseJson<unknown>(r.payload, null) }));
    },
    async amiEventsOfCall(pbx, linkedid, options = {}) {
      const rows = await db
        .selectFrom('ami_events')
        .selectAll()
        .where('linkedid', '=', linkedid)
        .where('pbx', '=', pbx)
        .orderBy('id')
        .limit(Math.min(Math.max(options.limit ?? 10_000, 1), 100_000))
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        pbx: r.pbx,
        receivedAt: r.received_at,
        event: r.event,
        linkedid: r.linkedid,
        uniqueid: r.uniqueid,
        fields: parseJson<string[]>(r.fields, []),
      }));
    },
    async lastCtiEventId() {
      const row = await db
        .selectFrom('cti_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
  };
}
