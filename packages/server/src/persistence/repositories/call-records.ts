/**
 * One record per call (keyed by pbx + linkedid), written when the call ends
 * and upserted if it is written again (late wrap-up, a replay after restart).
 * Durations are in seconds (fractions allowed); times in epoch milliseconds.
 */
import type { Kysely, Selectable } from 'kysely';
import { InvalidRecordError } from '../errors.ts';
import type { CallRecordsTable, Database } from '../schema.ts';
import { type RepositoryDeps, clockOf, fromFlag, newId, parseJson, toFlag } from './common.ts';
import { type CallRecordFilter, type CallRecordPage, applyCallFilter, decodeCursor, encodeCursor } from './call-record-filter.ts';

export type { CallRecordFilter, CallRecordPage } from './call-record-filter.ts';

export const CALL_OUTCOMES = ['answered', 'abandoned', 'no-answer', 'busy', 'rejected', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export interface CallTransfer {
  at: number;
  kind: 'blind' | 'attended';
  from?: string | null;
  to: string;
}

export interface CallRecordInput {
  pbx: string;
  linkedid: string;
  direction: CallDirection;
  queue?: string | null;
  callerNumber?: string | null;
  callerName?: string | null;
  calledNumber?: string | null;
  customerId?: string | null;
  language?: string | null;
  /** Extensions (or agent ids) the call was offered to, in order. */
  agentsOffered?: string[];
  /** Extension that answered. */
  answeredBy?: string | null;
  answeredAgentId?: string | null;
  startedAt: number;
  answeredAt?: number | null;
  endedAt?: number | null;
  waitSeconds?: number;
  ringSeconds?: number;
  talkSeconds?: number;
  holdSeconds?: number;
  wrapupSeconds?: number;
  outcome: CallOutcome;
  transfers?: CallTransfer[];
  hangupBy?: string | null;
  hangupCause?: string | null;
  /** The recording file (relative to Asterisk's recording directory), if the call was recorded. */
  recordingFile?: string | null;
}

export interface CallRecord extends Required<Omit<CallRecordInput, 'agentsOffered' | 'transfers'>> {
  id: string;
  /** The disposition code picked in wrap-up; null until one is set. */
  disposition: string | null;
  /** The agent's notes on the call; null when none. */
  notes: string | null;
  agentsOffered: string[];
  transferred: boolean;
  transfers: CallTransfer[];
  updatedAt: number;
}

export interface CallRecordsRepository {
  /** Inserts, or replaces the record with the same pbx + linkedid (keeping its id). */
  upsert(input: CallRecordInput): Promise<CallRecord>;
  /** Bulk variant for imports and replays; one multi-row statement per chunk. */
  upsertMany(inputs: readonly CallRecordInput[]): Promise<number>;
  get(id: string): Promise<CallRecord | undefined>;
  getByLinkedid(pbx: string, linkedid: string): Promise<CallRecord | undefined>;
  /** Newest first. Use `cursor` from the previous page for stable paging, or `offset`. */
  list(filter?: CallRecordFilter, page?: CallRecordPage): Promise<{ items: CallRecord[]; nextCursor: string | null }>;
  count(filter?: CallRecordFilter): Promise<number>;
  /** The records of a call id (one per PBX that used it). */
  findByLinkedid(linkedid: string): Promise<CallRecord[]>;
  /**
   * Sets the disposition and/or the notes of a call (the fields given; null clears). They are
   * never touched by `upsert`, so a record written again keeps them. Undefined when there is no such record.
   */
  setDisposition(pbx: string, linkedid: string, patch: { disposition?: string | null; notes?: string | null }): Promise<CallRecord | undefined>;
}

type CallRow = Selectable<CallRecordsTable>;

function seconds(name: string, value: number | undefined): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0) throw new InvalidRecordError(`${name} must be a non-negative number`, { [name]: value });
  return v;
}

export function toCallRow(input: CallRecordInput, id: string, at: number): CallRow {
  if (!(CALL_OUTCOMES as readonly string[]).includes(input.outcome)) {
    throw new InvalidRecordError(`unknown call outcome ${input.outcome}`, { outcome: input.outcome });
  }
  if (!(CALL_DIRECTIONS as readonly string[]).includes(input.direction)) {
    throw new InvalidRecordError(`unknown call direction ${input.direction}`, { direction: input.direction });
  }
  const transfers = input.transfers ?? [];
  return {
    id,
    pbx: input.pbx,
    linkedid: input.linkedid,
    direction: input.direction,
    queue: input.queue ?? null,
    caller_number: input.callerNumber ?? null,
    caller_name: input.callerName ?? null,
    called_number: input.calledNumber ?? null,
    customer_id: input.customerId ?? null,
    language: input.language ?? null,
    agents_offered: JSON.stringify(input.agentsOffered ?? []),
    answered_by: input.answeredBy ?? null,
    answered_agent_id: input.answeredAgentId ?? null,
    started_at: input.startedAt,
    answered_at: input.answeredAt ?? null,
    ended_at: input.endedAt ?? null,
    wait_seconds: seconds('waitSeconds', input.waitSeconds),
    ring_seconds: seconds('ringSeconds', input.ringSeconds),
    talk_seconds: seconds('talkSeconds', input.talkSeconds),
    hold_seconds: seconds('holdSeconds', input.holdSeconds),
    wrapup_seconds: seconds('wrapupSeconds', input.wrapupSeconds),
    outcome: input.outcome,
    transferred: toFlag(transfers.length > 0),
    transfers: JSON.stringify(transfers),
    hangup_by: input.hangupBy ?? null,
    hangup_cause: input.hangupCause ?? null,
    recording_file: input.recordingFile ?? null,
    // Set in wrap-up, after the record is written; an upsert never replaces them (not in UPDATABLE).
    disposition: null,
    notes: null,
    updated_at: at,
  };
}

export function toCallRecord(row: CallRow): CallRecord {
  return {
    id: row.id,
    pbx: row.pbx,
    linkedid: row.linkedid,
    direction: row.direction as CallDirection,
    queue: row.queue,
    callerNumber: row.caller_number,
    callerName: row.caller_name,
    calledNumber: row.called_number,
    customerId: row.customer_id,
    language: row.language,
    agentsOffered: parseJson<string[]>(row.agents_offered, []),
    answeredBy: row.answered_by,
    answeredAgentId: row.answered_agent_id,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    waitSeconds: row.wait_seconds,
    ringSeconds: row.ring_seconds,
    talkSeconds: row.talk_seconds,
    holdSeconds: row.hold_seconds,
    wrapupSeconds: row.wrapup_seconds,
    outcome: row.outcome as CallOutcome,
    transferred: fromFlag(row.transferred),
    transfers: parseJson<CallTransfer[]>(row.transfers, []),
    hangupBy: row.hangup_by,
    hangupCause: row.hangup_cause,
    recordingFile: row.recording_file,
    disposition: row.disposition,
    notes: row.notes,
    updatedAt: row.updated_at,
  };
}

/** Columns replaced when a record is written again (everything but its identity and what the agent wrote in wrap-up). */
const UPDATABLE = [
  'direction', 'queue', 'caller_number', 'caller_name', 'called_number', 'customer_id', 'language',
  'agents_offered', 'answered_by', 'answered_agent_id', 'started_at', 'answered_at', 'ended_at',
  'wait_seconds', 'ring_seconds', 'talk_seconds', 'hold_seconds', 'wrapup_seconds', 'outcome',
  'transferred', 'transfers', 'hangup_by', 'hangup_cause', 'recording_file', 'updated_at',
] as const satisfies ReadonlyArray<keyof CallRow>;

async function upsertRows(db: Kysely<Database>, rows: CallRow[]): Promise<void> {
  await db
    .insertInto('call_records')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['pbx', 'linkedid']).doUpdateSet((eb) => {
        const set: Record<string, unknown> = {};
        for (const key of UPDATABLE) set[key] = eb.ref(`excluded.${key}`);
        return set as Partial<CallRow>;
      }),
    )
    .execute();
}

/** Rows per multi-row statement: 29 columns x 500 stays under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

export function createCallRecordsRepository(deps: RepositoryDeps): CallRecordsRepository {
  const { db } = deps;
  const now = clockOf(deps);

  const repo: CallRecordsRepository = {
    async upsert(input) {
      const row = toCallRow(input, newId(), now());
      await upsertRows(db, [row]);
      return (await repo.getByLinkedid(input.pbx, input.linkedid))!;
    },
    async upsertMany(inputs) {
      const at = now();
      const rows = inputs.map((input) => toCallRow(input, newId(), at));
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK) await upsertRows(trx, rows.slice(i, i + CHUNK));
      });
      return rows.length;
    },
    async get(id) {
      const row = await db.selectFrom('call_records').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toCallRecord(row);
    },
    async getByLinkedid(pbx, linkedid) {
      const row = await db.selectFrom('call_records').selectAll().where('pbx', '=', pbx).where('linkedid', '=', linkedid).executeTakeFirst();
      return row && toCallRecord(row);
    },
    async list(filter = {}, page = {}) {
      const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 1000);
      let q = applyCallFilter(db.selectFrom('call_records').selectAll(), filter);
      if (page.cursor) {
        const c = decodeCursor(page.cursor);
        q = q.where((eb) =>
          eb.or([eb('started_at', '<', c.startedAt), eb.and([eb('started_at', '=', c.startedAt), eb('id', '<', c.id)])]),
        );
      } else if (page.offset) {
        q = q.offset(Math.max(Math.trunc(page.offset), 0));
      }
      const rows = await q
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toCallRecord);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.startedAt, last.id) : null };
    },
    async count(filter = {}) {
      const row = await applyCallFilter(db.selectFrom('call_records'), filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findByLinkedid(linkedid) {
      const rows = await db.selectFrom('call_records').selectAll().where('linkedid', '=', linkedid).orderBy('pbx').execute();
      return rows.map(toCallRecord);
    },
    async setDisposition(pbx, linkedid, patch) {
      const set = {
        ...(patch.disposition === undefined ? {} : { disposition: patch.disposition }),
        ...(patch.notes === undefined ? {} : { notes: patch.notes }),
      };
      if (Object.keys(set).length > 0) {
        const result = await db
          .updateTable('call_records')
          .set({ ...set, updated_at: now() })
          .where('pbx', '=', pbx)
          .where('linkedid', '=', linkedid)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return undefined;
      }
      return repo.getByLinkedid(pbx, linkedid);
    },
  };
  return repo;
}
