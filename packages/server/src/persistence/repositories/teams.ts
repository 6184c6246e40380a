/** Teams: named sets of agents. Supervisors are given teams (or queues) to supervise. */
import { RecordNotFoundError } from '../errors.ts';
import { type RepositoryDeps, atomically, clockOf, guardUnique, newId } from './common.ts';

export interface Team {
  id: string;
  name: string;
  createdAt: number;
}

export interface TeamsRepository {
  create(input: { name: string; id?: string }): Promise<Team>;
  get(id: string): Promise<Team | undefined>;
  list(): Promise<Team[]>;
  rename(id: string, name: string): Promise<Team>;
  remove(id: string): Promise<boolean>;
  /** Replaces the member list (user ids of agents). */
  setMembers(teamId: string, userIds: readonly string[]): Promise<void>;
  members(teamId: string): Promise<string[]>;
  teamsOf(userId: string): Promise<Team[]>;
}

export function createTeamsRepository(deps: RepositoryDeps): TeamsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  const repo: TeamsRepository = {
    async create(input) {
      const team = { id: input.id ?? newId(), name: input.name.trim(), created_at: now() };
      await guardUnique('team', 'name', team.name, () => db.insertInto('teams').values(team).execute());
      return { id: team.id, name: team.name, createdAt: team.created_at };
    },
    async get(id) {
      const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { id: row.id, name: row.name, createdAt: row.created_at };
    },
    async list() {
      const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async rename(id, name) {
      const result = await guardUnique('team', 'name', name, () =>
        db.updateTable('teams').set({ name: name.trim() }).where('id', '=', id).executeTakeFirst(),
      );
      if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('team', id);
      return (await repo.get(id))!;
    },
    async remove(id) {
      const result = await db.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async setMembers(teamId, userIds) {
      if ((await repo.get(teamId)) === undefined) throw new RecordNotFoundError('team', teamId);
      const unique = [...new Set(userIds)];
      await atomically(db, async (trx) => {
        await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
        if (unique.length > 0) {
          await trx
            .insertInto('team_members')
            .values(unique.map((userId) => ({ team_id: teamId, user_id: userId })))
            .execute();
        }
      });
    },
    async members(teamId) {
      const rows = await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).orderBy('user_id').execute();
      return rows.map((r) => r.user_id);
    },
    async teamsOf(userId) {
      const rows = await db
        .selectFrom('teams')
        .innerJoin('team_members', 'team_members.team_id', 'teams.id')
        .select(['teams.id', 'teams.name', 'teams.created_at'])
        .where('team_members.user_id', '=', userId)
        .orderBy('teams.name')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
  };
  return repo;
}
