import type { AuditEntry } from '@amiable/protocol';
import type { AuditSink } from '../gateway/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/** The gateway's audit port over the audit_log table. */
export function createAuditSink(repos: Repositories): AuditSink {
  return {
    async record(e) {
      await repos.audit.append({
        at: Date.parse(e.at),
        userId: e.userId,
        username: e.username,
        role: e.role,
        ip: e.ip,
        channel: e.channel,
        command: e.action,
        args: e.args,
        result: e.ok ? 'ok' : 'error',
        errorCode: e.code,
      });
    },
    async query(q) {
      const filter = {
        ...(q.from ? { from: Date.parse(q.from) } : {}),
        ...(q.to ? { to: Date.parse(q.to) } : {}),
        ...(q.userId ? { userId: q.userId } : {}),
        ...(q.username ? { username: q.username } : {}),
        ...(q.action ? { command: q.action } : {}),
        ...(q.ok === undefined ? {} : { result: q.ok ? ('ok' as const) : ('error' as const) }),
      };
      const [rows, total] = await Promise.all([
        repos.audit.query({ ...filter, limit: q.limit ?? 100, offset: q.offset ?? 0 }),
        repos.audit.count(filter),
      ]);
      const items: AuditEntry[] = rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        userId: r.userId,
        username: r.username,
        role: r.role as AuditEntry['role'],
        ip: r.ip,
        channel: r.channel,
        action: r.command,
        args: r.args,
        ok: r.result === 'ok',
        code: r.errorCode,
      }));
      return { items, total };
    },
  };
}
