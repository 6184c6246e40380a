/**
 * What ties a user to teams, queues, extensions and agents: `user_scopes` rows (what the user may
 * see) and `team_members` rows (the teams an agent belongs to). Writes replace one kind at a time
 * and leave the others alone.
 */
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { ScopeKind } from '../../persistence/repositories/user-scopes.ts';
import { invalid } from './store-errors.ts';

export function createUserLinks(repos: Repositories) {
  const links = {
    async scopeValues(userId: string, kind: ScopeKind): Promise<string[]> {
      const scopes = await repos.userScopes.list(userId);
      return unique(scopes.filter((s) => s.kind === kind).map((s) => s.value));
    },

    /** Replaces the user's scopes of the given kinds, keeping every other kind as it was. */
    async replaceScopes(userId: string, next: Partial<Record<ScopeKind, readonly string[]>>): Promise<void> {
      const kinds = Object.keys(next) as ScopeKind[];
      if (kinds.length === 0) return;
      const kept = (await repos.userScopes.list(userId)).filter((s) => !kinds.includes(s.kind));
      const added = kinds.flatMap((kind) => unique(next[kind] ?? []).map((value) => ({ kind, pbx: '', value })));
      await repos.userScopes.replace(userId, [...kept, ...added]);
    },

    /** Adds or removes one scope value (a supervisor given or relieved of a team). */
    async toggleScope(userId: string, kind: ScopeKind, value: string, on: boolean): Promise<void> {
      const current = await links.scopeValues(userId, kind);
      const has = current.includes(value);
      if (has === on) return;
      await links.replaceScopes(userId, { [kind]: on ? [...current, value] : current.filter((v) => v !== value) });
    },

    async memberTeams(userId: string): Promise<string[]> {
      return (await repos.teams.teamsOf(userId)).map((t) => t.id);
    },

    /** Makes the user a member of exactly these teams. */
    async setMemberTeams(userId: string, teamIds: readonly string[]): Promise<void> {
      const wanted = new Set(teamIds);
      const current = new Set(await links.memberTeams(userId));
      for (const teamId of wanted) {
        if (current.has(teamId)) continue;
        await repos.teams.setMembers(teamId, [...(await repos.teams.members(teamId)), userId]);
      }
      for (const teamId of current) {
        if (wanted.has(teamId)) continue;
        await repos.teams.setMembers(teamId, (await repos.teams.members(teamId)).filter((id) => id !== userId));
      }
    },

    /** Refuses team ids that do not exist (400, naming the field). */
    async checkTeams(teamIds: readonly string[], path: string): Promise<void> {
      for (const teamId of teamIds) {
        if ((await repos.teams.get(teamId)) === undefined) throw invalid(path, `There is no team ${teamId}`);
      }
    },
  };
  return links;
}
export type UserLinks = ReturnType<typeof createUserLinks>;

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
