import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { retryDelayMs } from './backoff.ts';
import type { ClaimedDelivery, DeliveriesStore } from './deliveries-store.ts';
import { postJson } from './http-post.ts';
import { signatureHeader } from './signature.ts';

export interface DeliveryPolicy {
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  concurrencyPerSubscription: number;
  maxConcurrent: number;
  pollIntervalMs: number;
  allowPrivateAddresses: boolean;
}

/** Where and how to deliver one subscription's events; undefined while it must not be delivered (disabled, key revoked). */
export type Destination = { url: string; secret: string } | undefined;

export interface DeliveryCounters {
  attempt(outcome: 'delivered' | 'retry' | 'failed'): void;
}

/**
 * Posts pending deliveries: due ones are claimed per subscription (at most
 * `concurrencyPerSubscription` in flight for each, `maxConcurrent` in all, so a slow or dead
 * receiver holds only its own slots), signed at send time, and each attempt is bounded by
 * `timeoutMs`. A 2xx delivers; anything else is retried with exponential backoff and jitter
 * until `maxAttempts`, then marked failed. New deliveries go out at once (`poke`); retries are
 * found by polling.
 */
export function createDeliveryWorker(deps: {
  store: DeliveriesStore;
  destination: (subscriptionId: string) => Destination;
  policy: DeliveryPolicy;
  log: Logger;
  counters?: DeliveryCounters;
  now?: () => number;
}) {
  const { store, policy, log } = deps;
  const now = deps.now ?? Date.now;
  const owner = randomUUID();
  const lockMs = policy.timeoutMs + 30_000;
  const inFlight = new Map<string, number>();
  const controllers = new Map<string, AbortController>();
  const attempts = new Set<Promise<void>>();
  let total = 0;
  let running = false;
  let again = false;
  let stopped = false;
  let scheduled = false;

  const attempt = async (d: ClaimedDelivery, to: { url: string; secret: string }) => {
    const controller = new AbortController();
    controllers.set(d.id, controller);
    const number = d.attempts + 1;
    let outcome: { ok: true; status: number } | { ok: false; error: string; status: number | null };
    try {
      const t = Math.floor(now() / 1000);
      const res = await postJson(
        to.url,
        d.body,
        {
          'user-agent': 'Amiable-Webhooks/1',
          'amiable-signature': signatureHeader(to.secret, t, d.body),
          'amiable-delivery': d.id,
          'amiable-event': d.eventType,
          'amiable-attempt': String(number),
        },
        { timeoutMs: policy.timeoutMs, allowPrivateAddresses: policy.allowPrivateAddresses, signal: controller.signal },
      );
      outcome = res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, error: `HTTP ${res.status}`, status: res.status };
    } catch (err) {
      outcome = { ok: false, error: (err as Error).message, status: null };
    } finally {
      controllers.delete(d.id);
    }
    if (stopped && controller.signal.aborted) {
      await store.release([d.id]).catch((err) => log.warn({ err, delivery: d.id }, 'webhook delivery claim not released'));
      return;
    }
    if (outcome.ok) {
      await store.delivered(d.id, number, outcome.status);
      deps.counters?.attempt('delivered');
      return;
    }
    const last = number >= policy.maxAttempts;
    const next = last ? null : now() + retryDelayMs(number, { baseMs: policy.backoffBaseMs, maxMs: policy.backoffMaxMs });
    await store.attemptFailed(d.id, number, outcome.error, outcome.status, next);
    deps.counters?.attempt(last ? 'failed' : 'retry');
    log[last ? 'warn' : 'info'](
      { delivery: d.id, subscription: d.subscriptionId, attempt: number, error: outcome.error, status: outcome.status },
      last ? 'webhook delivery failed for good' : 'webhook delivery attempt failed; will retry',
    );
  };

  const start = (d: ClaimedDelivery, to: { url: string; secret: string }) => {
    inFlight.set(d.subscriptionId, (inFlight.get(d.subscriptionId) ?? 0) + 1);
    total++;
    const p = attempt(d, to)
      .catch((err) => log.error({ err, delivery: d.id }, 'webhook delivery bookkeeping failed; the claim lapses and it is retried'))
      .finally(() => {
        inFlight.set(d.subscriptionId, (inFlight.get(d.subscriptionId) ?? 1) - 1);
        total--;
        attempts.delete(p);
        poke();
      });
    attempts.add(p);
  };

  const pass = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const sub of await store.dueSubscriptions()) {
          if (stopped) return;
          const to = deps.destination(sub);
          if (!to) continue;
          const free = Math.min(policy.concurrencyPerSubscription - (inFlight.get(sub) ?? 0), policy.maxConcurrent - total);
          if (free <= 0) continue;
          for (const d of await store.claim(sub, free, owner, lockMs)) start(d, to);
        }
      } while (again && !stopped);
    } catch (err) {
      log.warn({ err }, 'webhook deliveries not read; trying again on the next poll');
    } finally {
      running = false;
    }
  };

  /** Looks for work at once (coalesced to one pass per event-loop turn). */
  function poke(): void {
    if (stopped || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void pass();
    });
  }

  const timer = setInterval(poke, policy.pollIntervalMs);
  timer.unref();

  return {
    poke,
    /** Deliveries being posted now, per subscription. */
    inFlight: (subscriptionId: string) => inFlight.get(subscriptionId) ?? 0,
    /** Stops polling, aborts the posts in flight (their claims are given back) and waits for them. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      for (const c of controllers.values()) c.abort();
      await Promise.allSettled([...attempts]);
    },
  };
}
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
