import type { AmiMessage } from '@amiable/ami';
import type { PortContext } from './context.ts';
import { extractFacts } from './event-facts.ts';
import type { EventMirror } from './event-mirror.ts';
import { maskAllows } from './event-mask.ts';
import { isEventVisible } from './scope-filter.ts';
import { serialize, withActionId } from './wire.ts';

/**
 * The listener on the upstream event stream. Each event updates the call
 * tracker (and the mirror, if the port keeps its own), then goes to every
 * logged-in client whose mask and scope allow it. Nothing here waits: a client
 * that cannot take the bytes is cut off by its outbound writer.
 */
export function createFanOut(ctx: PortContext, mirror: EventMirror | undefined): (pbxId: string, msg: AmiMessage) => void {
  return (pbxId, msg) => {
    try {
      const facts = extractFacts(msg);
      const view = ctx.pbx.apply(pbxId, msg, facts);
      mirror?.apply(pbxId, msg);
      const privilege = msg.get('Privilege');
      if (facts.event === 'OriginateResponse' && facts.actionId !== undefined) {
        // Only the client that originated sees it, with its own ActionID.
        const route = ctx.routes.take(msg, facts.actionId, ctx.now());
        if (route && !route.session.closed && maskAllows(route.session.mask, privilege)) {
          route.session.event(serialize(withActionId(msg.pairs(), route.clientActionId)));
          ctx.stats.eventsDelivered++;
        }
        return;
      }
      let bytes: Buffer | undefined;
      for (const session of ctx.sessions) {
        if (session.scope === undefined || session.closed) continue;
        if (!maskAllows(session.mask, privilege)) continue;
        if (!isEventVisible(facts, session.scope.seeOn(pbxId), view)) continue;
        bytes ??= serialize(msg.pairs());
        session.event(bytes);
        ctx.stats.eventsDelivered++;
      }
    } catch (error) {
      ctx.logger.error({ err: error, pbx: pbxId, event: msg.event }, 'AMI port could not fan out an event');
    }
  };
}
