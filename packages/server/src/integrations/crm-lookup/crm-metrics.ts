import { Counter, type Registry } from 'prom-client';
import type { CrmCounters } from './crm-client.ts';

/**
 * `amiable_crm_lookups_total{outcome}` (found, not-found, error, timeout) and
 * `amiable_crm_late_answers_total` (the ringing event went out before the CRM answered). Made
 * before the gateway's registry exists (the owner part may be wired first); `register` adds them.
 */
export function crmMetrics(): CrmCounters & { register(registry: Registry): void } {
  const lookups = new Counter({ name: 'amiable_crm_lookups_total', help: 'CRM lookups for the screen pop, by outcome', labelNames: ['outcome'], registers: [] });
  const late = new Counter({ name: 'amiable_crm_late_answers_total', help: 'Ringing events sent before the CRM answered (the pop is updated if it answers later)', registers: [] });
  return {
    lookup: (outcome) => lookups.inc({ outcome }),
    late: () => late.inc(),
    register(registry) {
      registry.registerMetric(lookups);
      registry.registerMetric(late);
    },
  };
}
