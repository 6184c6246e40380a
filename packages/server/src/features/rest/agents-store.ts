/**
 * `/api/agents`: agent profiles. An agent is the agent side of a user (profiles are keyed by user
 * id), so the agent's id is its user's id and its name is the user's display name. Creating an
 * agent without a `userId` creates that user too, with the `username` and `password` given (role
 * `agent`), in one transaction with the profile, skills and teams: if any part fails, nothing remains.
 */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { PasswordHasher } from '../../identity/password.ts';
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

export interface AgentsStoreDeps {
  repos: Repositories;
  links: UserLinks;
  pbx: string;
  passwords: PasswordHasher;
  /** Runs `work` in one database transaction, with repositories and links bound to it. */
  transaction<T>(work: (tx: { repos: Repositories; links: UserLinks }) => Promise<T>): Promise<T>;
}

export function createAgentsStore(deps: AgentsStoreDeps): CrudStore<AgentEntity, AgentCreateBody, AgentUpdateBody> {
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
      username: user.username,
      userId: id,
      defaultExtension: profile.defaultExtension,
      extensions,
      teams,
      skills: skills.map((s) => ({ skillId: s.skill.id, level: levelOf(s.proficiency) })),
      wrapupSeconds: profile.wrapupSeconds,
    };
  };

  type Tx = { repos: Repositories; links: UserLinks };
  const check = async (input: AgentUpdateBody, tx: Tx = { repos, links }) => {
    for (const skill of input.skills ?? []) {
      if (!(await tx.repos.skills.get(skill.skillId))) throw invalid('/body/skills', `There is no skill ${skill.skillId}`);
    }
    if (input.teams) await tx.links.checkTeams(input.teams, '/body/teams');
  };

  const writeLinks = async (id: string, input: AgentUpdateBody, tx: Tx = { repos, links }) => {
    if (input.skills) {
      await tx.repos.skills.setAgentSkills(id, input.skills.map((s) => ({ skillId: s.skillId, proficiency: proficiencyOf(s.level) })));
    }
    if (input.teams) await tx.links.setMemberTeams(id, input.teams);
    if (input.extensions) await tx.links.replaceScopes(id, { extension: input.extensions });
  };

  const writeProfile = (id: string, input: AgentCreateBody, tx: Tx) =>
    tx.repos.agents.upsert(id, { pbx: deps.pbx, defaultExtension: input.defaultExtension ?? null, wrapupSeconds: input.wrapupSeconds ?? null });

  /** Makes an existing user an agent. */
  const forUser = async (input: AgentCreateBody & { userId: string }): Promise<string> => {
    if (input.id && input.id !== input.userId) throw invalid('/body/id', "An agent's id is its user's id");
    if (input.username !== undefined || input.password !== undefined) {
      throw invalid(input.username !== undefined ? '/body/username' : '/body/password', 'The user exists already; change the username or password on the user');
    }
    await check(input);
    const user = await repos.users.get(input.userId);
    if (!user) throw invalid('/body/userId', `There is no user ${input.userId}`);
    if (await repos.agents.get(user.id)) throw conflict(`User ${user.username} is already an agent`);
    if (user.displayName !== input.name) await guarded(() => repos.users.update(user.id, { displayName: input.name }));
    await guarded(() => writeProfile(user.id, input, { repos, links }));
    await guarded(() => writeLinks(user.id, input));
    return user.id;
  };

  /** A new user (role agent, with its username and password) and its agent profile, in one transaction. */
  const withNewUser = async (input: AgentCreateBody): Promise<string> => {
    if (!input.username) throw invalid('/body/username', 'A new agent needs a username to sign in with');
    if (!input.password) throw invalid('/body/password', 'A new agent needs a password (at least 8 characters)');
    const { username } = input;
    const passwordHash = await deps.passwords.hash(input.password);
    return guarded(() =>
      deps.transaction(async (tx) => {
        if (input.id && (await tx.repos.users.get(input.id))) throw conflict(`The id ${input.id} already belongs to a user`);
        const user = await tx.repos.users.create({
          ...(input.id ? { id: input.id } : {}),
          username,
          displayName: input.name,
          role: 'agent',
          passwordHash,
        });
        // Checked after the user row is written, in the same transaction: a failure rolls the user back too.
        await check(input, tx);
        await writeProfile(user.id, input, tx);
        await writeLinks(user.id, input, tx);
        return user.id;
      }),
    );
  };

  return {
    async list(query) {
      const page = pageOf(await repos.agents.list(), query);
      const items = await mapLimited(page.items, 8, (a) => toDto(a.userId));
      return { items: items.filter((a): a is AgentEntity => a !== undefined), total: page.total };
    },

    get: toDto,

    async create(input) {
      const id = input.userId ? await forUser({ ...input, userId: input.userId }) : await withNewUser(input);
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
