/**
 * The audit log: one row per command a client issued (REST, WebSocket or the
 * AMI-compatible port), with its outcome. Append-only; queried newest first.
 */
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, parseJson } from './common.ts';

export type AuditChannel = 'rest' | 'ws' | 'ami';

export interface AuditEntryInput {
  at?: number;
  userId?: string | null;
  username?: string | null;
  role?: string | null;
  ip?: string | null;
  channel: AuditChannel;
  command: string;
  args?: unknown;
  result: 'ok' | 'error';
  errorCode?: string | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  userId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  channel: AuditChannel;
  command: string;
  args: unknown;
  result: 'ok' | 'error';
  errorCode: string | null;
}

export interface AuditFilter {
  from?: number;
  to?: number;
  userId?: string;
  /** Exactly as recorded (a failed login records the name that was typed). */
  username?: string;
  command?: string;
  channel?: AuditChannel;
  result?: 'ok' | 'error';
  /** Entries with an id below this (the last id of the previous page). */
  beforeId?: number;
  /** Default 100, at most 1000. */
  limit?: number;
  /** Rows to skip (newest first). */
  offset?: number;
}

export interface AuditRepository {
  append(entry: AuditEntryInput): Promise<number>;
  query(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** How many entries match the filter (its limit and offset aside). */
  count(filter?: AuditFilter): Promise<number>;
  /** Deletes entries older than `before`; returns how many. */
  prune(before: number): Promise<number>;
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    ip: row.ip,
    channel: row.channel as AuditChannel,
    command: row.command,
    args: parseJson<unknown>(row.args, null),
    result: row.result as 'ok' | 'error',
    errorCode: row.error_code,
  };
}

export function createAuditRepository(deps: RepositoryDeps): AuditRepository {
  const { db } = deps;
  const now = clockOf(deps);
  /** Every filter is applied in the query, before paging, so pages and totals agree. */
  const matching = (filter: AuditFilter) => {
    let q = db.selectFrom('audit_log');
    if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('at', '<', filter.to);
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.username !== undefined) q = q.where('username', '=', filter.username);
    if (filter.command !== undefined) q = q.where('command', '=', filter.command);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    if (filter.result !== undefined) q = q.where('result', '=', filter.result);
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
    return q;
  };
  return {
    async append(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          at: entry.at ?? now(),
          user_id: entry.userId ?? null,
          username: entry.username ?? null,
          role: entry.role ?? null,
          ip: entry.ip ?? null,
          channel: entry.channel,
          command: entry.command,
          args: entry.args === undefined ? null : JSON.stringify(entry.args),
          result: entry.result,
          error_code: entry.errorCode ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async query(filter = {}) {
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 1000);
      const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
      const rows = await matching(filter).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toEntry);
    },
    async count(filter = {}) {
      const row = await matching(filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async prune(before) {
      const result = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
