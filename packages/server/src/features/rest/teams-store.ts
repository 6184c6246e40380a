/**
 * `/api/teams`. A team's supervisors are the users holding a `team` scope for it; its members are
 * managed from the agent (or user) side, through their `teams`.
 */
import type { Team as TeamDto, TeamUpdateSchema } from '@amiable/protocol';
import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Database } from '../../persistence/schema.ts';
import type { TeamCreateBody } from './directory-schemas.ts';
import { mapLimited, pageOf } from './paging.ts';
import { guarded, invalid } from './store-errors.ts';
import type { UserLinks } from './user-links.ts';

type TeamUpdate = Static<typeof TeamUpdateSchema>;

export function createTeamsStore(deps: { repos: Repositories; db: Kysely<Database>; links: UserLinks }): CrudStore<
  TeamDto,
  TeamCreateBody,
  TeamUpdate
> {
  const { repos, db, links } = deps;

  const supervisorsOf = async (teamId: string): Promise<string[]> => {
    const rows = await db
      .selectFrom('user_scopes')
      .select('user_id')
      .where('kind', '=', 'team')
      .where('value', '=', teamId)
      .orderBy('user_id')
      .execute();
    return [...new Set(rows.map((r) => r.user_id))];
  };
  const toDto = async (team: { id: string; name: string }): Promise<TeamDto> => ({
    id: team.id,
    name: team.name,
    supervisorIds: await supervisorsOf(team.id),
  });
  const checkUsers = async (ids: readonly string[]) => {
    for (const id of ids) {
      if (!(await repos.users.get(id))) throw invalid('/body/supervisorIds', `There is no user ${id}`);
    }
  };
  const setSupervisors = async (teamId: string, wanted: readonly string[]) => {
    const current = await supervisorsOf(teamId);
    for (const id of current) if (!wanted.includes(id)) await links.toggleScope(id, 'team', teamId, false);
    for (const id of wanted) if (!current.includes(id)) await links.toggleScope(id, 'team', teamId, true);
  };

  return {
    async list(query) {
      const page = pageOf(await repos.teams.list(), query);
      return { items: await mapLimited(page.items, 8, toDto), total: page.total };
    },
    async get(id) {
      const team = await repos.teams.get(id);
      return team && toDto(team);
    },
    async create(input) {
      await checkUsers(input.supervisorIds ?? []);
      const team = await guarded(() => repos.teams.create({ name: input.name, ...(input.id ? { id: input.id } : {}) }));
      await setSupervisors(team.id, input.supervisorIds ?? []);
      return toDto(team);
    },
    async update(id, patch) {
      const team = await repos.teams.get(id);
      if (!team) return undefined;
      if (patch.supervisorIds) await checkUsers(patch.supervisorIds);
      const renamed = patch.name === undefined ? team : await guarded(() => repos.teams.rename(id, patch.name as string));
      if (patch.supervisorIds) await setSupervisors(id, patch.supervisorIds);
      return toDto(renamed);
    },
    async remove(id) {
      if (!(await repos.teams.get(id))) return false;
      await setSupervisors(id, []);
      return repos.teams.remove(id);
    },
  };
}
