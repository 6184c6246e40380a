/** Agent profiles: the agent side of a user (default extension, wrap-up override, pause after call). */
import type { Selectable } from 'kysely';
import { InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { AgentsTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, fromFlag, toFlag } from './common.ts';

export interface AgentProfile {
  userId: string;
  pbx: string | null;
  defaultExtension: string | null;
  /** Overrides the queue/global wrap-up seconds for this agent when set. */
  wrapupSeconds: number | null;
  /** Pause automatically after each call (instead of returning to Ready after wrap-up). */
  pauseAfterCall: boolean;
  updatedAt: number;
}

export interface AgentListItem extends AgentProfile {
  username: string;
  displayName: string;
  disabled: boolean;
}

export interface AgentProfileInput {
  pbx?: string | null;
  defaultExtension?: string | null;
  wrapupSeconds?: number | null;
  pauseAfterCall?: boolean;
}

export interface AgentsRepository {
  /** Creates the profile or updates the named fields. The user must exist. */
  upsert(userId: string, input: AgentProfileInput): Promise<AgentProfile>;
  get(userId: string): Promise<AgentProfile | undefined>;
  list(): Promise<AgentListItem[]>;
  remove(userId: string): Promise<boolean>;
}

function toProfile(row: Selectable<AgentsTable>): AgentProfile {
  return {
    userId: row.user_id,
    pbx: row.pbx,
    defaultExtension: row.default_extension,
    wrapupSeconds: row.wrapup_seconds,
    pauseAfterCall: fromFlag(row.pause_after_call),
    updatedAt: row.updated_at,
  };
}

export function createAgentsRepository(deps: RepositoryDeps): AgentsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  const repo: AgentsRepository = {
    async upsert(userId, input) {
      if (input.wrapupSeconds != null && (!Number.isInteger(input.wrapupSeconds) || input.wrapupSeconds < 0)) {
        throw new InvalidRecordError('wrapupSeconds must be a non-negative integer', { wrapupSeconds: input.wrapupSeconds });
      }
      const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (user === undefined) throw new RecordNotFoundError('user', userId);
      const existing = await repo.get(userId);
      const row = {
        user_id: userId,
        pbx: input.pbx === undefined ? (existing?.pbx ?? null) : input.pbx,
        default_extension: input.defaultExtension === undefined ? (existing?.defaultExtension ?? null) : input.defaultExtension,
        wrapup_seconds: input.wrapupSeconds === undefined ? (existing?.wrapupSeconds ?? null) : input.wrapupSeconds,
        pause_after_call: toFlag(input.pauseAfterCall ?? existing?.pauseAfterCall),
        updated_at: now(),
      };
      await db
        .insertInto('agents')
        .values(row)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            pbx: row.pbx,
            default_extension: row.default_extension,
            wrapup_seconds: row.wrapup_seconds,
            pause_after_call: row.pause_after_call,
            updated_at: row.updated_at,
          }),
        )
        .execute();
      return toProfile(row);
    },
    async get(userId) {
      const row = await db.selectFrom('agents').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row && toProfile(row);
    },
    async list() {
      const rows = await db
        .selectFrom('agents')
        .innerJoin('users', 'users.id', 'agents.user_id')
        .selectAll('agents')
        .select(['users.username', 'users.display_name', 'users.disabled'])
        .orderBy('users.username')
        .execute();
      return rows.map((row) => ({
        ...toProfile(row),
        username: row.username,
        displayName: row.display_name,
        disabled: fromFlag(row.disabled),
      }));
    },
    async remove(userId) {
      const result = await db.deleteFrom('agents').where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
  return repo;
}
