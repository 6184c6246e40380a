import type { ActionHeaders } from './action-headers.ts';
import type { ClientSession } from './client-session.ts';
import type { PortContext } from './context.ts';

/** Records one action. A failing audit sink is logged, never allowed to break the session. */
export function auditAction(
  ctx: PortContext,
  session: ClientSession,
  command: string,
  headers: ActionHeaders | undefined,
  errorCode: string | null,
): void {
  const p = session.principal;
  const entry = {
    userId: p?.userId ?? null,
    username: p?.username ?? null,
    ip: session.ip,
    channel: 'ami' as const,
    command,
    args: headers?.toAuditArgs() ?? {},
    result: errorCode === null ? ('ok' as const) : ('error' as const),
    errorCode,
  };
  try {
    const done = ctx.audit(entry);
    if (done instanceof Promise) done.catch((error: unknown) => ctx.logger.error({ err: error, command }, 'AMI port audit failed'));
  } catch (error) {
    ctx.logger.error({ err: error, command }, 'AMI port audit failed');
  }
}
