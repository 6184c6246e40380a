import { type Static, Type } from '@sinclair/typebox';
import { Extension, Identifier, Nullable, QueueName, SafeString, Secret, Timestamp, Username } from '../strings.ts';
import { RoleSchema } from './auth.ts';

const Names = (item: ReturnType<typeof Identifier>) => Type.Array(item, { maxItems: 1000 });

/** A user of the CTI server. Never carries the password hash. */
export const UserSchema = Type.Object({
  id: Identifier(),
  username: Username(),
  displayName: SafeString({ maxLength: 200 }),
  role: RoleSchema,
  disabled: Type.Boolean(),
  /** The agent this user works as (agents and supervisors who take calls). */
  agentId: Nullable(Identifier()),
  /** Teams: an agent's own teams; the teams a supervisor manages. */
  teams: Names(Identifier()),
  /** Queues a supervisor manages (or an agent may join). */
  queues: Type.Array(QueueName(), { maxItems: 1000 }),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type User = Static<typeof UserSchema>;

export const UserCreateSchema = Type.Object(
  {
    username: Username(),
    password: Secret({ minLength: 8, maxLength: 256 }),
    displayName: SafeString({ maxLength: 200 }),
    role: RoleSchema,
    disabled: Type.Optional(Type.Boolean()),
    agentId: Type.Optional(Nullable(Identifier())),
    teams: Type.Optional(Names(Identifier())),
    queues: Type.Optional(Type.Array(QueueName(), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreateSchema>;

export const UserUpdateSchema = Type.Partial(UserCreateSchema, { additionalProperties: false });
export type UserUpdate = Static<typeof UserUpdateSchema>;

/** What an integration's API key may see and act on. */
export const ApiKeyScopeSchema = Type.Object(
  {
    agents: Type.Array(Identifier(), { maxItems: 10000 }),
    extensions: Type.Array(Extension(), { maxItems: 10000 }),
    queues: Type.Array(QueueName(), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type ApiKeyScope = Static<typeof ApiKeyScopeSchema>;

export const ApiKeySchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  scope: ApiKeyScopeSchema,
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
  lastUsedAt: Nullable(Timestamp()),
});
export type ApiKey = Static<typeof ApiKeySchema>;

export const ApiKeyCreateSchema = Type.Object(
  { name: SafeString({ maxLength: 200 }), scope: ApiKeyScopeSchema },
  { additionalProperties: false },
);
export type ApiKeyCreate = Static<typeof ApiKeyCreateSchema>;

/** Returned once, at creation: the key itself is never shown again. */
export const ApiKeyCreatedSchema = Type.Composite([ApiKeySchema, Type.Object({ key: Type.String({ maxLength: 256 }) })]);
export type ApiKeyCreated = Static<typeof ApiKeyCreatedSchema>;
