/**
 * What a user may see beyond itself. Supervisors get `team` and `queue`
 * scopes; integrations get `agent`, `extension` and `queue` scopes.
 * `pbx` is '' when the scope is not tied to one Asterisk (teams, agents) or
 * applies to the named queue/extension on every Asterisk.
 * Default deny: a user with no scopes sees nothing but itself.
 */
import { InvalidRecordError } from '../errors.ts';
import { type RepositoryDeps, atomically } from './common.ts';

export const SCOPE_KINDS = ['team', 'queue', 'agent', 'extension'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface UserScope {
  kind: ScopeKind;
  /** Asterisk id, or '' for "any" / not applicable. */
  pbx: string;
  value: string;
}

/** Scopes with teams expanded to their member agents. */
export interface Visibility {
  teams: string[];
  /** Agent user ids: direct `agent` scopes plus members of scoped teams. */
  agents: string[];
  queues: Array<{ pbx: string; queue: string }>;
  extensions: Array<{ pbx: string; extension: string }>;
}

export interface UserScopesRepository {
  list(userId: string): Promise<UserScope[]>;
  /** Replaces every scope of the user in one transaction. */
  replace(userId: string, scopes: ReadonlyArray<{ kind: ScopeKind; pbx?: string; value: string }>): Promise<void>;
  expand(userId: string): Promise<Visibility>;
}

function checkScope(scope: { kind: string; pbx?: string; value: string }): UserScope {
  if (!(SCOPE_KINDS as readonly string[]).includes(scope.kind)) {
    throw new InvalidRecordError(`unknown scope kind ${scope.kind}`, { kind: scope.kind });
  }
  if (scope.value.length === 0) throw new InvalidRecordError('scope value must not be empty', { kind: scope.kind });
  return { kind: scope.kind as ScopeKind, pbx: scope.pbx ?? '', value: scope.value };
}

export function createUserScopesRepository(deps: RepositoryDeps): UserScopesRepository {
  const { db } = deps;
  const repo: UserScopesRepository = {
    async list(userId) {
      const rows = await db
        .selectFrom('user_scopes')
        .select(['kind', 'pbx', 'value'])
        .where('user_id', '=', userId)
        .orderBy('kind')
        .orderBy('pbx')
        .orderBy('value')
        .execute();
      return rows.map((r) => ({ kind: r.kind as ScopeKind, pbx: r.pbx, value: r.value }));
    },
    async replace(userId, scopes) {
      const checked = scopes.map(checkScope);
      const unique = [...new Map(checked.map((s) => [`${s.kind}\u0000${s.pbx}\u0000${s.value}`, s])).values()];
      await atomically(db, async (trx) => {
        await trx.deleteFrom('user_scopes').where('user_id', '=', userId).execute();
        if (unique.length > 0) {
          await trx
            .insertInto('user_scopes')
            .values(unique.map((s) => ({ user_id: userId, kind: s.kind, pbx: s.pbx, value: s.value })))
            .execute();
        }
      });
    },
    async expand(userId) {
      const scopes = await repo.list(userId);
      const teams = scopes.filter((s) => s.kind === 'team').map((s) => s.value);
      const agents = new Set(scopes.filter((s) => s.kind === 'agent').map((s) => s.value));
      if (teams.length > 0) {
        const members = await db.selectFrom('team_members').select('user_id').where('team_id', 'in', teams).execute();
        for (const m of members) agents.add(m.user_id);
      }
      return {
        teams,
        agents: [...agents].sort(),
        queues: scopes.filter((s) => s.kind === 'queue').map((s) => ({ pbx: s.pbx, queue: s.value })),
        extensions: scopes.filter((s) => s.kind === 'extension').map((s) => ({ pbx: s.pbx, extension: s.value })),
      };
    },
  };
  return repo;
}
