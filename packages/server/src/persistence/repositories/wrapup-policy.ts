/**
 * Wrap-up policy: a global row (pbx '' and queue '') and optional per-queue rows.
 * `mode` 'timeout' returns the agent to Ready after `seconds`; 'manual' waits
 * for the agent (seconds then only bounds the reminder).
 * Resolution for a call from a queue: agent override (agents.wrapup_seconds,
 * seconds only) > queue row > global row > built-in default.
 */
import { InvalidRecordError } from '../errors.ts';
import { type RepositoryDeps, clockOf } from './common.ts';

export const WRAPUP_MODES = ['timeout', 'manual'] as const;
export type WrapupMode = (typeof WRAPUP_MODES)[number];

export interface WrapupPolicy {
  /** '' for the global row. */
  pbx: string;
  /** '' for the global row. */
  queue: string;
  seconds: number;
  mode: WrapupMode;
}

export interface ResolvedWrapup {
  seconds: number;
  mode: WrapupMode;
  source: 'agent' | 'queue' | 'global' | 'default';
}

export const DEFAULT_WRAPUP: Readonly<{ seconds: number; mode: WrapupMode }> = Object.freeze({ seconds: 0, mode: 'timeout' });

export interface WrapupPolicyRepository {
  /** Sets the global policy (no pbx/queue) or a queue's policy. */
  set(policy: { pbx?: string; queue?: string; seconds: number; mode: WrapupMode }): Promise<WrapupPolicy>;
  /** Removes a queue's row (it falls back to the global one). */
  clear(pbx: string, queue: string): Promise<boolean>;
  list(): Promise<WrapupPolicy[]>;
  resolve(input: { pbx?: string; queue?: string | null; agentSeconds?: number | null }): Promise<ResolvedWrapup>;
}

export function createWrapupPolicyRepository(deps: RepositoryDeps): WrapupPolicyRepository {
  const { db } = deps;
  const now = clockOf(deps);
  return {
    async set(policy) {
      if (!Number.isInteger(policy.seconds) || policy.seconds < 0) {
        throw new InvalidRecordError('wrap-up seconds must be a non-negative integer', { seconds: policy.seconds });
      }
      if (!(WRAPUP_MODES as readonly string[]).includes(policy.mode)) {
        throw new InvalidRecordError(`unknown wrap-up mode ${policy.mode}`, { mode: policy.mode });
      }
      const row = { pbx: policy.pbx ?? '', queue: policy.queue ?? '', seconds: policy.seconds, mode: policy.mode, updated_at: now() };
      await db
        .insertInto('wrapup_policies')
        .values(row)
        .onConflict((oc) => oc.columns(['pbx', 'queue']).doUpdateSet({ seconds: row.seconds, mode: row.mode, updated_at: row.updated_at }))
        .execute();
      return { pbx: row.pbx, queue: row.queue, seconds: row.seconds, mode: row.mode };
    },
    async clear(pbx, queue) {
      const result = await db.deleteFrom('wrapup_policies').where('pbx', '=', pbx).where('queue', '=', queue).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list() {
      const rows = await db.selectFrom('wrapup_policies').selectAll().orderBy('pbx').orderBy('queue').execute();
      return rows.map((r) => ({ pbx: r.pbx, queue: r.queue, seconds: r.seconds, mode: r.mode as WrapupMode }));
    },
    async resolve(input) {
      const rows = await db
        .selectFrom('wrapup_policies')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('pbx', '=', ''), eb('queue', '=', '')]),
            eb.and([eb('pbx', '=', input.pbx ?? ''), eb('queue', '=', input.queue ?? '')]),
          ]),
        )
        .execute();
      const queueRow = input.queue ? rows.find((r) => r.queue !== '') : undefined;
      const globalRow = rows.find((r) => r.pbx === '' && r.queue === '');
      const base = queueRow ?? globalRow;
      const mode = (base?.mode as WrapupMode | undefined) ?? DEFAULT_WRAPUP.mode;
      if (input.agentSeconds !== undefined && input.agentSeconds !== null) {
        return { seconds: input.agentSeconds, mode, source: 'agent' };
      }
      if (queueRow) return { seconds: queueRow.seconds, mode, source: 'queue' };
      if (globalRow) return { seconds: globalRow.seconds, mode, source: 'global' };
      return { ...DEFAULT_WRAPUP, source: 'default' };
    },
  };
}
