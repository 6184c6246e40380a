/** `/api/users`: the users of the CTI server, as the admin console edits them. Password hashes never leave. */
import type { User as UserDto, UserCreate, UserUpdate } from '@amiable/protocol';
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { PasswordHasher } from '../../identity/password.ts';
import { definedOnly } from '../../persistence/repositories/common.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { User } from '../../persistence/repositories/users.ts';
import { iso, mapLimited, pageOf } from './paging.ts';
import { conflict, guarded, invalid } from './store-errors.ts';
import type { UserLinks } from './user-links.ts';

export interface UsersStoreDeps {
  repos: Repositories;
  links: UserLinks;
  passwords: PasswordHasher;
  pbx: string;
  /** Ends a disabled user's sessions and connections. */
  onDisabled(userId: string): Promise<void>;
  /** Ends a deleted user's sessions and connections. */
  onDeleted(userId: string): Promise<void>;
  /** Ends every session of the user and refuses their older access tokens. */
  onPasswordChanged(userId: string): Promise<void>;
  /** Role, scopes, teams or agent profile changed: open connections re-read the user. */
  onChanged(userId: string): void;
}

/**
 * A user's `agentId` is the user's own id: agent profiles are keyed by user. Creating a user with an
 * `agentId` gives the user that id and an agent profile. `teams` are the teams a supervisor manages
 * (team scopes) and, for everyone else, the teams they belong to; `queues` are queue scopes.
 */
export function createUsersStore(deps: UsersStoreDeps): CrudStore<UserDto, UserCreate, UserUpdate> {
  const { repos, links } = deps;

  const toDto = async (user: User): Promise<UserDto> => {
    const [profile, scopes, memberOf] = await Promise.all([
      repos.agents.get(user.id),
      repos.userScopes.list(user.id),
      links.memberTeams(user.id),
    ]);
    const values = (kind: string) => [...new Set(scopes.filter((s) => s.kind === kind).map((s) => s.value))];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabled,
      agentId: profile ? user.id : null,
      teams: user.role === 'supervisor' ? values('team') : memberOf,
      queues: values('queue'),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    };
  };

  const writeLinks = async (userId: string, role: User['role'], input: { teams?: string[]; queues?: string[] }) => {
    if (input.queues !== undefined) await links.replaceScopes(userId, { queue: input.queues });
    if (input.teams === undefined) return;
    if (role === 'supervisor') await links.replaceScopes(userId, { team: input.teams });
    else await links.setMemberTeams(userId, input.teams);
  };

  return {
    async list(query) {
      const users = await repos.users.list({ includeDisabled: true, limit: 10_000 });
      const page = pageOf(users, query);
      return { items: await mapLimited(page.items, 8, toDto), total: page.total };
    },

    async get(id) {
      const user = await repos.users.get(id);
      return user && toDto(user);
    },

    async create(input) {
      if (input.teams) await links.checkTeams(input.teams, '/body/teams');
      if (input.agentId && (await repos.users.get(input.agentId))) {
        throw conflict(`The id ${input.agentId} already belongs to another user`);
      }
      const passwordHash = await deps.passwords.hash(input.password);
      const user = await guarded(() =>
        repos.users.create({
          ...(input.agentId ? { id: input.agentId } : {}),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          disabled: input.disabled ?? false,
        }),
      );
      if (input.agentId) await guarded(() => repos.agents.upsert(user.id, { pbx: deps.pbx }));
      await guarded(() => writeLinks(user.id, user.role, input));
      return toDto(user);
    },

    async update(id, patch) {
      const before = await repos.users.get(id);
      if (!before) return undefined;
      if (patch.agentId && patch.agentId !== id) {
        throw invalid('/body/agentId', `A user works as the agent with its own id (${id}); create a new user for agent ${patch.agentId}`);
      }
      if (patch.teams) await links.checkTeams(patch.teams, '/body/teams');
      const passwordHash = patch.password === undefined ? undefined : await deps.passwords.hash(patch.password);
      const user = await guarded(() =>
        repos.users.update(
          id,
          definedOnly({
            username: patch.username,
            displayName: patch.displayName,
            role: patch.role,
            disabled: patch.disabled,
            passwordHash,
          }),
        ),
      );
      if (patch.agentId === null) await repos.agents.remove(id);
      else if (patch.agentId === id && !(await repos.agents.get(id))) await guarded(() => repos.agents.upsert(id, { pbx: deps.pbx }));
      await guarded(() => writeLinks(id, user.role, patch));
      if (user.disabled && !before.disabled) await deps.onDisabled(id);
      else if (passwordHash !== undefined) await deps.onPasswordChanged(id);
      else deps.onChanged(id);
      return toDto(user);
    },

    async remove(id) {
      const removed = await repos.users.remove(id);
      if (removed) await deps.onDeleted(id);
      return removed;
    },
  };
}
