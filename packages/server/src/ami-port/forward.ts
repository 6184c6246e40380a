import { type AmiMessage, encodeAction } from '@amiable/ami';
import type { ActionHeaders } from './action-headers.ts';
import { auditAction } from './audit.ts';
import type { ClientSession } from './client-session.ts';
import type { PortContext } from './context.ts';
import { AmiPortUpstreamError } from './errors.ts';
import { maskAllows } from './event-mask.ts';
import type { ForwardPlan } from './policy-types.ts';
import { serialize, withActionId } from './wire.ts';

/** Code audited when Asterisk answers a forwarded action with `Response: Error`. */
export const ACTION_FAILED = 'CTI_ERR_AMI_ACTION_FAILED';

/**
 * Sends a permitted action upstream and answers the client. The client's
 * ActionID never leaves this process: the upstream connection uses its own, and
 * the response is rewritten to carry the client's before it is written. Events
 * for this client are held meanwhile, so that the response comes before the
 * events the action causes, as on a real Asterisk session.
 */
export async function forward(ctx: PortContext, session: ClientSession, h: ActionHeaders, plan: ForwardPlan): Promise<void> {
  // Every header goes through the codec's checks (CR/LF/NUL, key syntax, line and count limits).
  for (const action of plan.actions) encodeAction(action);
  session.hold();
  try {
    const replies: AmiMessage[] = [];
    for (const action of plan.actions) {
      let reply: AmiMessage;
      try {
        reply = await ctx.upstream.send(plan.pbxId, action);
      } catch (error) {
        ctx.logger.warn({ err: error, action: h.name, pbx: plan.pbxId }, 'AMI port could not forward an action');
        throw new AmiPortUpstreamError(error instanceof Error ? error.message : String(error), { pbx: plan.pbxId });
      }
      replies.push(reply);
    }
    ctx.stats.actionsForwarded++;
    // A fanned-out QueuePause succeeds if it succeeded in any queue.
    const reply = replies.find((r) => r.response?.toLowerCase() === 'success') ?? replies[0]!;
    const ok = reply.response?.toLowerCase() === 'success';
    auditAction(ctx, session, h.name, h, ok ? null : ACTION_FAILED);
    session.send(withActionId(reply.pairs(), h.actionId));
    if (ok && h.name.toLowerCase() === 'originate') routeOriginate(ctx, session, h, reply);
  } finally {
    session.release();
  }
}

/** Remember which client the eventual OriginateResponse belongs to (or deliver one that came early). */
function routeOriginate(ctx: PortContext, session: ClientSession, h: ActionHeaders, reply: AmiMessage): void {
  const upstreamId = reply.actionId;
  if (upstreamId === undefined) return;
  const early = ctx.routes.register(upstreamId, session, h.actionId, ctx.now());
  if (early && maskAllows(session.mask, early.get('Privilege'))) {
    session.event(serialize(withActionId(early.pairs(), h.actionId)));
  }
}
