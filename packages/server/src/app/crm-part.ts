import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config/index.ts';
import { type CrmClient, type CrmCounters, createCrmClient } from '../integrations/crm-lookup/crm-client.ts';
import { crmMetrics } from '../integrations/crm-lookup/crm-metrics.ts';

/** The CRM as the screen-pop lookup uses it. */
export interface ScreenPopCrm {
  client: CrmClient;
  timeoutMs: number;
  counters: CrmCounters & { register(registry: Registry): void };
}

/** The configured CRM lookup (`crmLookup` with a `urlTemplate`), or undefined when there is none. */
export function wireCrm(deps: { config: Config; log: Logger }): ScreenPopCrm | undefined {
  const c = deps.config.crmLookup;
  if (!c.urlTemplate) return undefined;
  const counters = crmMetrics();
  const client = createCrmClient({ config: { ...c, urlTemplate: c.urlTemplate }, log: deps.log.child({ area: 'crm-lookup' }), counters });
  deps.log.info({ url: new URL(c.urlTemplate.replaceAll('{e164}', 'x')).origin, timeoutMs: c.timeoutMs }, 'CRM lookup for screen pops');
  return { client, timeoutMs: c.timeoutMs, counters };
}
