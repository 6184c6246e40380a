import { randomUUID } from 'node:crypto';
import { WEBHOOK_TEST_EVENT, type WebhookDelivery } from '@amiable/protocol';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Router } from '../../gateway/index.ts';
import type { ApiKeyStore } from '../../identity/ports.ts';
import type { PrincipalChanges } from '../../identity/principal-changes.ts';
import type { Database } from '../../persistence/schema.ts';
import { createDeliveriesStore } from './deliveries-store.ts';
import { createDeliveryWorker, type DeliveryCounters, type DeliveryPolicy } from './delivery-worker.ts';
import { createSubscriptionStreams } from './subscription-streams.ts';
import { createSubscriptionsStore } from './subscriptions-store.ts';

/**
 * Webhooks: subscriptions (stored), their router streams (what each may receive), the outbox and
 * the worker that posts it. `start` gives back a previous run's claims when this is the only node,
 * opens the streams and resumes pending deliveries.
 */
export function createWebhooks(deps: {
  db: Kysely<Database>;
  router: Router;
  apiKeys: ApiKeyStore;
  changes: PrincipalChanges;
  policy: DeliveryPolicy & { retentionDays: number };
  /** Several nodes share the database: claims of other nodes are left to lapse instead of being released at start. */
  clustered: boolean;
  log: Logger;
  counters?: DeliveryCounters;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const subscriptions = createSubscriptionsStore({ db: deps.db, now, allowPrivateAddresses: () => deps.policy.allowPrivateAddresses });
  const deliveries = createDeliveriesStore({ db: deps.db, now });
  const workerRef: { poke?: () => void } = {};
  const streams = createSubscriptionStreams({
    router: deps.router,
    apiKeys: deps.apiKeys,
    changes: deps.changes,
    enqueue: (d) => deliveries.enqueue(d),
    enqueued: () => workerRef.poke?.(),
    log: deps.log,
  });
  const worker = createDeliveryWorker({
    store: deliveries,
    destination: (id) => streams.destination(id),
    policy: deps.policy,
    log: deps.log,
    ...(deps.counters ? { counters: deps.counters } : {}),
    now,
  });
  workerRef.poke = worker.poke;
  const retention = setInterval(() => {
    void deliveries
      .prune(now() - deps.policy.retentionDays * 86_400_000)
      .catch((err) => deps.log.warn({ err }, 'webhook delivery log pruning failed'));
  }, 3_600_000);
  retention.unref();
  let stopped: Promise<void> | undefined;

  return {
    subscriptions,
    deliveries,
    streams,
    worker,
    async start(): Promise<void> {
      if (!deps.clustered) {
        const released = await deliveries.releaseAll();
        if (released > 0) deps.log.info({ released }, 'webhook deliveries left in flight by the previous run are pending again');
      }
      await streams.load(await subscriptions.all());
      worker.poke();
    },
    /** Enqueues a `webhook.test` delivery for one subscription and returns it. */
    async sendTest(subscriptionId: string): Promise<WebhookDelivery | undefined> {
      if (!(await subscriptions.find(subscriptionId))) return undefined;
      const id = randomUUID();
      const at = new Date(now()).toISOString();
      const body = JSON.stringify({
        id,
        subscriptionId,
        type: WEBHOOK_TEST_EVENT,
        at,
        pbx: null,
        scope: {},
        payload: { message: 'A test delivery from Amiable: if the signature checks out, your endpoint is ready.' },
      });
      await deliveries.enqueue([{ id, subscriptionId, eventKey: `test:${id}`, eventType: WEBHOOK_TEST_EVENT, body }]);
      worker.poke();
      return deliveries.get(id);
    },
    /** Idempotent. */
    stop(): Promise<void> {
      stopped ??= (async () => {
        clearInterval(retention);
        await streams.stop();
        await worker.stop();
      })();
      return stopped;
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
