import type { NatsConnection } from 'nats';
import { createLocalPrincipalChanges, type PrincipalChange, type PrincipalChanges } from '../identity/principal-changes.ts';

export const PRINCIPAL_SUBJECT = 'amiable.principals';

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The principal change stream over NATS: a change published on one node reaches this node's
 * listeners at once and every other node's on `amiable.principals`, so a user revoked on one
 * node loses her connections on all of them (their sockets close with 4003).
 */
export function createNatsPrincipalChanges(deps: {
  nc: NatsConnection;
  nodeId: string;
  log: { error(o: object, m?: string): void; warn(o: object, m?: string): void };
}): PrincipalChanges & { close(): void } {
  const local = createLocalPrincipalChanges({
    onListenerError: (err, change) => deps.log.error({ err, change }, 'principal change listener failed'),
  });
  const sub = deps.nc.subscribe(PRINCIPAL_SUBJECT, {
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err: err.message }, 'principal change subscription failed');
        return;
      }
      try {
        const { origin, change } = JSON.parse(dec.decode(msg.data)) as { origin: string; change: PrincipalChange };
        if (origin !== deps.nodeId) local.publish(change);
      } catch (e) {
        deps.log.warn({ err: (e as Error).message }, 'unreadable principal change');
      }
    },
  });
  return {
    publish(change) {
      local.publish(change);
      deps.nc.publish(PRINCIPAL_SUBJECT, enc.encode(JSON.stringify({ origin: deps.nodeId, change })));
    },
    subscribe: (listener) => local.subscribe(listener),
    close: () => sub.unsubscribe(),
  };
}
