import type { Role } from '@amiable/protocol';
import type { Clock } from '../identity/clock.ts';
import type { Principal } from '../identity/principal.ts';
import type { AuditRecord, AuditSink, CommandChannel } from './ports.ts';

export interface AuditEvent {
  principal?: Principal;
  /** Who tried, when there is no principal (a failed login). */
  username?: string;
  ip: string | null;
  channel: CommandChannel;
  action: string;
  args?: unknown;
  ok: boolean;
  code?: string | null;
}

const SECRET_KEYS = /pass|secret|token|key/i;

/** Copies arguments for the audit trail with secrets masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

/**
 * Records who did what, when, from where, with which arguments and outcome. Writing never
 * delays the caller: a failing sink is reported to `onError` and the command goes on.
 */
export function createAuditor(deps: { sink: AuditSink; clock: Clock; onError?: (err: unknown) => void }) {
  return function audit(event: AuditEvent): void {
    const record: AuditRecord = {
      at: new Date(deps.clock.now()).toISOString(),
      userId: event.principal?.userId ?? null,
      username: event.principal?.username ?? event.username ?? null,
      role: (event.principal?.role ?? null) as Role | null,
      ip: event.ip,
      channel: event.channel,
      action: event.action,
      args: redact(event.args ?? null),
      ok: event.ok,
      code: event.code ?? null,
    };
    try {
      const pending = deps.sink.record(record);
      if (pending) pending.catch((err) => deps.onError?.(err));
    } catch (err) {
      deps.onError?.(err);
    }
  };
}
export type Auditor = ReturnType<typeof createAuditor>;
