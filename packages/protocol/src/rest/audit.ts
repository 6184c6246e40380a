import { type Static, Type } from '@sinclair/typebox';
import { Identifier, Nullable, OneOf, SafeString, Timestamp, Username } from '../strings.ts';
import { RoleSchema } from './auth.ts';

export const AUDIT_CHANNELS = ['rest', 'ws', 'ami'] as const;

/** One audited action: a command, a login, a refused attempt. */
export const AuditEntrySchema = Type.Object({
  id: Identifier(),
  at: Timestamp(),
  userId: Nullable(Identifier()),
  username: Nullable(SafeString({ maxLength: 200 })),
  role: Nullable(RoleSchema),
  ip: Nullable(Type.String({ maxLength: 64 })),
  channel: OneOf(AUDIT_CHANNELS),
  /** A command name (`agent.pause`) or an auth action (`auth.login`, `auth.refresh`, `auth.logout`, `ws.connect`). */
  action: Type.String({ maxLength: 64 }),
  args: Type.Unknown(),
  ok: Type.Boolean(),
  /** The error code when refused or failed. */
  code: Nullable(Type.String({ maxLength: 64 })),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditQuerySchema = Type.Object({
  from: Type.Optional(Timestamp()),
  to: Type.Optional(Timestamp()),
  userId: Type.Optional(Identifier()),
  username: Type.Optional(Username()),
  action: Type.Optional(Type.String({ pattern: '^[a-zA-Z.]+$', maxLength: 64 })),
  ok: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type AuditQuery = Static<typeof AuditQuerySchema>;
