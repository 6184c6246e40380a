/** Pause reasons agents pick when pausing (lunch, training, ...), paid or not, with an optional limit. */
import type { Selectable } from 'kysely';
import { InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { PauseReasonsTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, definedOnly, fromFlag, guardUnique, newId, toFlag } from './common.ts';

export interface PauseReason {
  id: string;
  /** Stable code sent to Asterisk as the pause reason, e.g. 'lunch'. */
  code: string;
  label: string;
  paid: boolean;
  /** Longest allowed pause in seconds, or null for no limit. */
  maxSeconds: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface PauseReasonInput {
  code: string;
  label: string;
  paid?: boolean;
  maxSeconds?: number | null;
}

export interface PauseReasonsRepository {
  create(input: PauseReasonInput): Promise<PauseReason>;
  get(id: string): Promise<PauseReason | undefined>;
  getByCode(code: string): Promise<PauseReason | undefined>;
  list(): Promise<PauseReason[]>;
  update(id: string, patch: Partial<PauseReasonInput>): Promise<PauseReason>;
  remove(id: string): Promise<boolean>;
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

function checkCode(code: string): string {
  // The code travels in an AMI header (QueuePause Reason): keep it to a safe charset.
  if (!CODE.test(code)) throw new InvalidRecordError('pause reason code must be 1-64 of A-Z a-z 0-9 _ . -', { code });
  return code;
}

function checkMax(max: number | null | undefined): number | null | undefined {
  if (max !== undefined && max !== null && (!Number.isInteger(max) || max <= 0)) {
    throw new InvalidRecordError('maxSeconds must be a positive integer or null', { maxSeconds: max });
  }
  return max;
}

function toReason(row: Selectable<PauseReasonsTable>): PauseReason {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    paid: fromFlag(row.paid),
    maxSeconds: row.max_seconds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createPauseReasonsRepository(deps: RepositoryDeps): PauseReasonsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  const repo: PauseReasonsRepository = {
    async create(input) {
      const at = now();
      const row = {
        id: newId(),
        code: checkCode(input.code),
        label: input.label,
        paid: toFlag(input.paid),
        max_seconds: checkMax(input.maxSeconds) ?? null,
        created_at: at,
        updated_at: at,
      };
      await guardUnique('pause reason', 'code', row.code, () => db.insertInto('pause_reasons').values(row).execute());
      return toReason(row);
    },
    async get(id) {
      const row = await db.selectFrom('pause_reasons').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toReason(row);
    },
    async getByCode(code) {
      const row = await db.selectFrom('pause_reasons').selectAll().where('code', '=', code).executeTakeFirst();
      return row && toReason(row);
    },
    async list() {
      return (await db.selectFrom('pause_reasons').selectAll().orderBy('code').execute()).map(toReason);
    },
    async update(id, patch) {
      const set = definedOnly({
        code: patch.code === undefined ? undefined : checkCode(patch.code),
        label: patch.label,
        paid: patch.paid === undefined ? undefined : toFlag(patch.paid),
        max_seconds: checkMax(patch.maxSeconds),
      });
      const result = await guardUnique('pause reason', 'code', set.code ?? '', () =>
        db
          .updateTable('pause_reasons')
          .set({ ...set, updated_at: now() })
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('pause reason', id);
      return (await repo.get(id))!;
    },
    async remove(id) {
      const result = await db.deleteFrom('pause_reasons').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
  return repo;
}
