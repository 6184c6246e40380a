import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../permissions.ts';
import { Identifier, Nullable, OneOf, Secret, Username } from '../strings.ts';

export const RoleSchema = OneOf(ROLES);

export const LoginRequestSchema = Type.Object(
  { username: Username(), password: Secret({ maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequestSchema>;

export const RefreshRequestSchema = Type.Object({ refreshToken: Secret() }, { additionalProperties: false });
export type RefreshRequest = Static<typeof RefreshRequestSchema>;

/** Logout revokes the refresh token given (or all of the user's, with `everywhere`) and closes the user's sockets. */
export const LogoutRequestSchema = Type.Object(
  { refreshToken: Type.Optional(Secret()), everywhere: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type LogoutRequest = Static<typeof LogoutRequestSchema>;

export const PrincipalSummarySchema = Type.Object({
  userId: Identifier(),
  username: Username(),
  role: RoleSchema,
  agentId: Nullable(Identifier()),
});
export type PrincipalSummary = Static<typeof PrincipalSummarySchema>;

export const TokenPairSchema = Type.Object({
  tokenType: Type.Literal('Bearer'),
  accessToken: Type.String({ maxLength: 4096 }),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer({ minimum: 0 }),
  refreshToken: Type.String({ maxLength: 1024 }),
  refreshExpiresIn: Type.Integer({ minimum: 0 }),
  user: PrincipalSummarySchema,
});
export type TokenPair = Static<typeof TokenPairSchema>;

/** `GET /api/auth/me`: who the caller is and what they may see. */
export const MeSchema = Type.Object({
  userId: Identifier(),
  username: Username(),
  role: RoleSchema,
  agentId: Nullable(Identifier()),
  extensions: Type.Array(Type.String()),
  queues: Type.Array(Type.String()),
  agents: Type.Array(Type.String()),
  teams: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
});
export type Me = Static<typeof MeSchema>;
