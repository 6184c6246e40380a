/**
 * `/api/agents`: agent profiles. An agent is the agent side of a user (profiles are keyed by user
 * id), so the agent's id is its user's id and its name is the user's display name. Creating an
 * agent without a `userId` creates that user too (role `agent`, no password until an admin sets one).
 */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import { newId } from '../../persistence/repositories/common.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { AgentCreateBody, AgentEntity, AgentUpdateBody } from './directory-schemas.ts';
import { mapLimited, pageOf } from './paging.ts';
import { conflict, guarded, invalid } from './store-errors.ts';
import type { UserLinks } from './user-links.ts';

/** Protocol skill levels are 0-100; the directory stores proficiency 1-5 (5 = best). */
export function proficiencyOf(level: number): number {
  return Math.min(5, Math.max(1, Math.ceil(level / 20)));
}

export function levelOf(proficiency: number): number {
  return proficiency * 20;
}

/** A login name for an agent created without a user: its id, in the characters usernames allow. */
export function usernameFor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9_.@-]/g, '-').slice(0, 64);
}

export function createAgentsStore(deps: { repos: Repositories; links: UserLinks; pbx: string }): CrudStore<
  AgentEntity,
  AgentCreateBody,
  AgentUpdateBody
> {
  const { repos, links } = deps;

  const toDto = async (id: string): Promise<AgentEntity | undefined> => {
    const [user, profile, skills, teams, extensions] = await Promise.all([
      repos.users.get(id),
      repos.agents.get(id),
      repos.skills.agentSkills(id),
      links.memberTeams(id),
      links.scopeValues(id, 'extension'),
    ]);
    if (!user || !profile) return undefined;
    return {
      id,
      name: user.displayName,
      userId: id,
      defaultExtension: profile.defaultExtension,
      extensions,
      teams,
      skills: skills.map((s) => ({ skillId: s.skill.id, level: levelOf(s.proficiency) })),
      wrapupSeconds: profile.wrapupSeconds,
    };
  };

  const check = async (input: AgentUpdateBody) => {
    for (const skill of input.skills ?? []) {
      if (!(await repos.skills.get(skill.skillId))) throw invalid('/body/skills', `There is no skill ${skill.skillId}`);
    }
    if (input.teams) await links.checkTeams(input.teams, '/body/teams');
  };

  const writeLinks = async (id: string, input: AgentUpdateBody) => {
    if (input.skills) {
      await repos.skills.setAgentSkills(id, input.skills.map((s) => ({ skillId: s.skillId, proficiency: proficiencyOf(s.level) })));
    }
    if (input.teams) await links.setMemberTeams(id, input.teams);
    if (input.extensions) await links.replaceScopes(id, { extension: input.extensions });
  };

  /** The user the new agent belongs to: the one named, or a new one. */
  const ownerFor = async (input: AgentCreateBody): Promise<string> => {
    const chosen = input.id || undefined;
    if (input.userId) {
      if (chosen && chosen !== input.userId) throw invalid('/body/id', "An agent's id is its user's id");
      const user = await repos.users.get(input.userId);
      if (!user) throw invalid('/body/userId', `There is no user ${input.userId}`);
      if (await repos.agents.get(user.id)) throw conflict(`User ${user.id} is already an agent`);
      if (user.displayName !== input.name) await guarded(() => repos.users.update(user.id, { displayName: input.name }));
      return user.id;
    }
    const id = chosen ?? newId();
    if (await repos.users.get(id)) throw conflict(`The id ${id} already belongs to a user`);
    const user = await guarded(() =>
      repos.users.create({ id, username: usernameFor(id), displayName: input.name, role: 'agent', passwordHash: null }),
    );
    return user.id;
  };

  return {
    async list(query) {
      const page = pageOf(await repos.agents.list(), query);
      const items = await mapLimited(page.items, 8, (a) => toDto(a.userId));
      return { items: items.filter((a): a is AgentEntity => a !== undefined), total: page.total };
    },

    get: toDto,

    async create(input) {
      await check(input);
      const id = await ownerFor(input);
      await guarded(() =>
        repos.agents.upsert(id, {
          pbx: deps.pbx,
          defaultExtension: input.defaultExtension ?? null,
          wrapupSeconds: input.wrapupSeconds ?? null,
        }),
      );
      await guarded(() => writeLinks(id, input));
      return (await toDto(id)) as AgentEntity;
    },

    async update(id, patch) {
      if (!(await repos.agents.get(id))) return undefined;
      if (patch.userId && patch.userId !== id) throw invalid('/body/userId', "An agent's user cannot change; create a new agent");
      await check(patch);
      if (patch.name !== undefined) await guarded(() => repos.users.update(id, { displayName: patch.name }));
      if (patch.defaultExtension !== undefined || patch.wrapupSeconds !== undefined) {
        await guarded(() => repos.agents.upsert(id, { defaultExtension: patch.defaultExtension, wrapupSeconds: patch.wrapupSeconds }));
      }
      await guarded(() => writeLinks(id, patch));
      return toDto(id);
    },

    remove: (id) => repos.agents.remove(id),
  };
}
