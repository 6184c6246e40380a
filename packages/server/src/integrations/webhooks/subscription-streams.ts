import { createHash, randomUUID } from 'node:crypto';
import { CLOSE_CODES, type EventType } from '@amiable/protocol';
import type { Logger } from 'pino';
import type { ClientStream, ClientTransport, Router } from '../../gateway/index.ts';
import { changeAffects } from '../../identity/live-principals.ts';
import type { PrincipalChanges } from '../../identity/principal-changes.ts';
import { type Principal, principalFromApiKey } from '../../identity/principal.ts';
import type { ApiKeyStore } from '../../identity/ports.ts';
import type { NewDelivery } from './deliveries-store.ts';
import type { SubscriptionRecord } from './subscriptions-store.ts';

/** An event frame as the router writes it to a stream. */
interface EventFrame {
  seq: number;
  type: string;
  at: string;
  pbx?: string;
  scope: Record<string, string>;
  payload: unknown;
}

interface Live {
  record: SubscriptionRecord;
  principal: Principal;
  stream: ClientStream;
  /** Closes the stream on purpose (the transport then does not reopen it). */
  retire(message: string): void;
}

/**
 * Each active subscription is a stream of the gateway's router, opened with its API key's
 * principal and a filter of its event types: what a subscription receives is decided by the
 * router's own scope and visibility rules (the same as for that key's WebSocket), including agents
 * moving between desks and queues. The stream's socket is a batch writer into the outbox: the
 * router hands it event frames, they are inserted in one statement, and only then is the stream
 * told they left (so a slow database holds the stream's bounded queue, as a slow socket would).
 * A change to the key (scope, disabled, deleted) re-opens or closes the stream at once.
 */
export function createSubscriptionStreams(deps: {
  router: Router;
  apiKeys: ApiKeyStore;
  changes: PrincipalChanges;
  enqueue: (deliveries: NewDelivery[]) => Promise<void>;
  enqueued: () => void;
  log: Logger;
}) {
  const { router, log } = deps;
  const live = new Map<string, Live>();
  const records = new Map<string, SubscriptionRecord>();
  const refreshing = new Map<string, boolean>();
  let stopping = false;
  const writes = new Set<Promise<void>>();

  /** The integration user of each subscription's key, once read (changes to that user concern the subscription). */
  const owners = new Map<string, string>();

  const transportFor = (record: SubscriptionRecord): { transport: ClientTransport; retire: () => void } => {
    let batch: { delivery: NewDelivery; done: (err?: Error) => void; bytes: number }[] = [];
    let buffered = 0;
    let closed = false;
    const write = async () => {
      const items = batch;
      batch = [];
      for (;;) {
        try {
          await deps.enqueue(items.map((i) => i.delivery));
          break;
        } catch (err) {
          log.error({ err, subscription: record.id, events: items.length }, 'webhook deliveries not stored; retrying in 1 s');
          if (stopping) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      for (const i of items) {
        buffered -= i.bytes;
        i.done();
      }
      deps.enqueued();
    };
    const transport: ClientTransport = {
      send(data, done) {
        const frame = JSON.parse(data) as EventFrame;
        const id = randomUUID();
        const event = { type: frame.type, at: frame.at, pbx: frame.pbx ?? null, scope: frame.scope, payload: frame.payload };
        const body = JSON.stringify({ id, subscriptionId: record.id, ...event });
        const eventKey = createHash('sha256').update(JSON.stringify(event)).digest('hex');
        batch.push({ delivery: { id, subscriptionId: record.id, eventKey, eventType: frame.type, body }, done, bytes: data.length });
        buffered += data.length;
        if (batch.length === 1) {
          const p = new Promise<void>((r) => setImmediate(r)).then(write);
          writes.add(p);
          void p.finally(() => writes.delete(p));
        }
      },
      bufferedAmount: () => buffered,
      close(closeCode, code, message) {
        if (closed) return;
        closed = true;
        // Shutdown (1001) and revocations are handled by their own paths; only an overflow reopens.
        if (stopping || closeCode !== CLOSE_CODES.SLOW_CONSUMER) return;
        // The router dropped the stream (its queue overflowed while the database was away): open it again.
        log.error({ subscription: record.id, code, message }, 'webhook event stream closed by the router; reopening it (events in between are lost)');
        live.delete(record.id);
        void refresh(record.id);
      },
    };
    return {
      transport,
      retire: () => {
        closed = true;
      },
    };
  };

  const open = async (record: SubscriptionRecord): Promise<void> => {
    live.get(record.id)?.retire('Subscription changed');
    records.set(record.id, record);
    if (record.disabled || stopping) return;
    const key = await deps.apiKeys.findById(record.apiKeyId);
    if (key) owners.set(record.id, key.userId);
    if (!key || key.disabled || stopping) return;
    const principal = principalFromApiKey(key);
    const { transport, retire } = transportFor(record);
    const { stream } = router.connect({ principal, transport, filter: { types: record.eventTypes as EventType[] } });
    stream.start();
    live.set(record.id, {
      record,
      principal,
      stream,
      retire: (message) => {
        retire();
        if (live.get(record.id)?.stream === stream) live.delete(record.id);
        router.end(stream, 1000, 'CTI_ERR_FORBIDDEN', message);
      },
    });
  };

  /** Re-reads nothing itself: the caller passes the new record, or the last known one is re-opened. */
  async function refresh(id: string, record?: SubscriptionRecord | null): Promise<void> {
    if (record === null) {
      live.get(id)?.retire('Subscription removed');
      records.delete(id);
      owners.delete(id);
      return;
    }
    const current = record ?? records.get(id);
    if (!current) return;
    if (refreshing.has(id)) {
      refreshing.set(id, true);
      if (record) records.set(id, record);
      return;
    }
    refreshing.set(id, false);
    try {
      await open(current);
    } catch (err) {
      log.error({ err, subscription: id }, 'webhook subscription not opened');
    } finally {
      const again = refreshing.get(id) === true;
      refreshing.delete(id);
      if (again) await refresh(id);
    }
  }

  const unsubscribe = deps.changes.subscribe((change) => {
    for (const record of records.values()) {
      const l = live.get(record.id);
      const principal: Principal = l?.principal ?? {
        userId: `apikey:${record.apiKeyId}`,
        username: '',
        role: 'integration',
        extensions: [],
        queues: [],
        agents: [],
        teams: [],
        apiKey: { id: record.apiKeyId, ownerId: owners.get(record.id) ?? '' },
        via: 'api-key',
      };
      if (change.kind === 'directory.changed' || changeAffects(principal, change)) void refresh(record.id);
    }
  });

  return {
    /** Opens the streams of these subscriptions (at start). */
    async load(all: readonly SubscriptionRecord[]): Promise<void> {
      for (const r of all) await refresh(r.id, r);
    },
    /** A subscription was created, changed (null: removed). */
    changed: (id: string, record: SubscriptionRecord | null) => refresh(id, record),
    /** Whether deliveries of this subscription may go out now (enabled, key alive), and where. */
    destination(id: string): { url: string; secret: string } | undefined {
      const l = live.get(id);
      return l ? { url: l.record.url, secret: l.record.secret } : undefined;
    },
    /** Stops following changes, closes the streams and waits for their last events to be stored. */
    async stop(): Promise<void> {
      stopping = true;
      unsubscribe();
      for (const l of [...live.values()]) l.retire('Server shutting down');
      live.clear();
      await Promise.allSettled([...writes]);
    },
  };
}
export type SubscriptionStreams = ReturnType<typeof createSubscriptionStreams>;
