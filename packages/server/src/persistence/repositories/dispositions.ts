/**
 * Disposition codes per queue: the outcomes an agent picks in wrap-up ("sale", "callback"...),
 * each a stable code (what call records and reports store) and a label (what the desk shows), and
 * whether the queue requires one before the agent may be Ready again. One row per queue.
 */
import type { Selectable } from 'kysely';
import { InvalidRecordError } from '../errors.ts';
import type { QueueDispositionsTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, fromFlag, parseJson, toFlag } from './common.ts';

export interface DispositionCode {
  /** Stable code stored on call records, e.g. `sale`. */
  code: string;
  label: string;
}

export interface QueueDispositions {
  pbx: string;
  queue: string;
  /** The agent may not be Ready after a call from this queue until she picks a code. */
  required: boolean;
  /** In the order the desk lists them. */
  codes: DispositionCode[];
  updatedAt: number;
}

export interface QueueDispositionsInput {
  required: boolean;
  codes: DispositionCode[];
}

export interface DispositionsRepository {
  list(): Promise<QueueDispositions[]>;
  get(pbx: string, queue: string): Promise<QueueDispositions | undefined>;
  /** Replaces the queue's codes and flag. */
  set(pbx: string, queue: string, input: QueueDispositionsInput): Promise<QueueDispositions>;
  remove(pbx: string, queue: string): Promise<boolean>;
}

export const DISPOSITION_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_DISPOSITION_CODES = 100;
export const MAX_DISPOSITION_LABEL = 200;

/** Checks a queue's configuration; the error names the field (`codes/2/code`). */
export function checkDispositions(input: QueueDispositionsInput): DispositionCode[] {
  if (input.codes.length > MAX_DISPOSITION_CODES) {
    throw new InvalidRecordError(`a queue has at most ${MAX_DISPOSITION_CODES} disposition codes`, { codes: input.codes.length });
  }
  if (input.required && input.codes.length === 0) {
    throw new InvalidRecordError('a queue that requires a disposition needs at least one code', { codes: 0 });
  }
  const seen = new Set<string>();
  return input.codes.map((c, i) => {
    if (!DISPOSITION_CODE.test(c.code)) {
      throw new InvalidRecordError('a disposition code is 1 to 64 of A-Z a-z 0-9 _ . -', { [`codes/${i}/code`]: c.code });
    }
    if (seen.has(c.code)) throw new InvalidRecordError(`disposition code ${c.code} is listed twice`, { [`codes/${i}/code`]: c.code });
    seen.add(c.code);
    const label = c.label.trim();
    if (label.length === 0 || label.length > MAX_DISPOSITION_LABEL) {
      throw new InvalidRecordError(`a disposition label is 1 to ${MAX_DISPOSITION_LABEL} characters`, { [`codes/${i}/label`]: c.label });
    }
    return { code: c.code, label };
  });
}

function toDispositions(row: Selectable<QueueDispositionsTable>): QueueDispositions {
  return {
    pbx: row.pbx,
    queue: row.queue,
    required: fromFlag(row.required),
    codes: parseJson<DispositionCode[]>(row.codes, []),
    updatedAt: Number(row.updated_at),
  };
}

export function createDispositionsRepository(deps: RepositoryDeps): DispositionsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async list() {
      return (await db.selectFrom('queue_dispositions').selectAll().orderBy('pbx').orderBy('queue').execute()).map(toDispositions);
    },
    async get(pbx, queue) {
      const row = await db.selectFrom('queue_dispositions').selectAll().where('pbx', '=', pbx).where('queue', '=', queue).executeTakeFirst();
      return row && toDispositions(row);
    },
    async set(pbx, queue, input) {
      const codes = checkDispositions(input);
      const row = { pbx, queue, required: toFlag(input.required), codes: JSON.stringify(codes), updated_at: now() };
      await db
        .insertInto('queue_dispositions')
        .values(row)
        .onConflict((oc) => oc.columns(['pbx', 'queue']).doUpdateSet({ required: row.required, codes: row.codes, updated_at: row.updated_at }))
        .execute();
      return toDispositions(row);
    },
    async remove(pbx, queue) {
      const result = await db.deleteFrom('queue_dispositions').where('pbx', '=', pbx).where('queue', '=', queue).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
