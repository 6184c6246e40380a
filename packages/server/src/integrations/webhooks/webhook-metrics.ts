import { Counter, type Registry } from 'prom-client';
import type { DeliveryCounters } from './delivery-worker.ts';

/** `amiable_webhook_attempts_total{outcome}`: delivered, retry (failed, will be retried), failed (for good). */
export function webhookMetrics(registry: Registry): DeliveryCounters {
  const attempts = new Counter({
    name: 'amiable_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome (delivered, retry, failed for good)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return { attempt: (outcome) => attempts.inc({ outcome }) };
}
