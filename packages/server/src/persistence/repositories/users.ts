/** Users of the CTI server: agents, supervisors, admins and integrations (CRM, timesheet apps). */
import type { Selectable } from 'kysely';
import { InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { UsersTable } from '../schema.ts';
import { type Page, type RepositoryDeps, clockOf, definedOnly, fromFlag, guardUnique, newId, pageLimit, toFlag } from './common.ts';

export const USER_ROLES = ['agent', 'supervisor', 'admin', 'integration'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  /** Always lower case; logins compare case-insensitively. */
  username: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  role: UserRole;
  /** argon2id hash (PHC string). Integrations that only use API keys may have none. */
  passwordHash?: string | null;
  disabled?: boolean;
}

export interface UserPatch {
  username?: string;
  displayName?: string;
  role?: UserRole;
  disabled?: boolean;
  passwordHash?: string | null;
}

export interface UserFilter extends Page {
  role?: UserRole;
  includeDisabled?: boolean;
}

export interface UsersRepository {
  create(input: NewUser): Promise<User>;
  get(id: string): Promise<User | undefined>;
  getByUsername(username: string): Promise<User | undefined>;
  /** The user with the stored password hash, for login only. */
  /** The user with their password hash and the instant before which their access tokens are refused. */
  getCredentials(username: string): Promise<{ user: User; passwordHash: string | null; tokensValidAfter: number | null } | undefined>;
  /** Refuses the user's access tokens issued before `at` (a password change). */
  setTokensValidAfter(id: string, at: number): Promise<void>;
  list(filter?: UserFilter): Promise<User[]>;
  update(id: string, patch: UserPatch): Promise<User>;
  remove(id: string): Promise<boolean>;
}

function normaliseUsername(username: string): string {
  const value = username.trim().toLowerCase();
  if (value.length === 0 || value.length > 128 || /\s/.test(value)) {
    throw new InvalidRecordError('username must be 1-128 characters without spaces', { username });
  }
  return value;
}

function checkRole(role: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) throw new InvalidRecordError(`unknown role ${role}`, { role });
  return role as UserRole;
}

function toUser(row: Omit<Selectable<UsersTable>, 'tokens_valid_after'>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as UserRole,
    disabled: fromFlag(row.disabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createUsersRepository(deps: RepositoryDeps): UsersRepository {
  const { db } = deps;
  const now = clockOf(deps);

  const repo: UsersRepository = {
    async create(input) {
      const at = now();
      const username = normaliseUsername(input.username);
      const row = {
        id: input.id ?? newId(),
        username,
        display_name: input.displayName,
        role: checkRole(input.role),
        password_hash: input.passwordHash ?? null,
        disabled: toFlag(input.disabled),
        created_at: at,
        updated_at: at,
      };
      await guardUnique('user', 'username', username, () => db.insertInto('users').values(row).execute());
      return toUser(row);
    },
    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async getByUsername(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
      return row && toUser(row);
    },
    async getCredentials(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.password_hash, tokensValidAfter: row.tokens_valid_after === null ? null : Number(row.tokens_valid_after) };
    },
    async setTokensValidAfter(id, at) {
      await db.updateTable('users').set({ tokens_valid_after: at }).where('id', '=', id).execute();
    },
    async list(filter = {}) {
      const { limit, offset } = pageLimit(filter, 1000, 10_000);
      let q = db.selectFrom('users').selectAll();
      if (filter.role !== undefined) q = q.where('role', '=', filter.role);
      if (!filter.includeDisabled) q = q.where('disabled', '=', 0);
      const rows = await q.orderBy('username').limit(limit).offset(offset).execute();
      return rows.map(toUser);
    },
    async update(id, patch) {
      const username = patch.username === undefined ? undefined : normaliseUsername(patch.username);
      const set = definedOnly({
        username,
        display_name: patch.displayName,
        role: patch.role === undefined ? undefined : checkRole(patch.role),
        disabled: patch.disabled === undefined ? undefined : toFlag(patch.disabled),
        password_hash: patch.passwordHash,
      });
      const result = await guardUnique('user', 'username', username ?? '', () =>
        db
          .updateTable('users')
          .set({ ...set, updated_at: now() })
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('user', id);
      return (await repo.get(id))!;
    },
    async remove(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
  return repo;
}
