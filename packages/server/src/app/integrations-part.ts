import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { ApiKeyStore } from '../identity/ports.ts';
import { webhookMetrics } from '../integrations/webhooks/webhook-metrics.ts';
import { webhookRoutes } from '../integrations/webhooks/webhook-routes.ts';
import { createWebhooks } from '../integrations/webhooks/webhooks.ts';
import type { DatabaseHandle } from '../persistence/database.ts';

/**
 * Integrations of a node: webhooks (subscriptions, their router streams, the outbox and its
 * worker) and their REST routes. Installed as a route plugin of the gateway app, where the
 * router, the principal change stream and the metrics registry live.
 */
export function integrationRoutes(deps: {
  config: Config;
  handle: DatabaseHandle;
  log: Logger;
  onStop: (stop: () => Promise<void> | void) => void;
}): (app: FastifyInstance, apiKeys: ApiKeyStore) => Promise<void> {
  const { config } = deps;
  return async (app, apiKeys) => {
    const webhooks = createWebhooks({
      db: deps.handle.db,
      router: app.gateway.router,
      apiKeys,
      changes: app.gateway.principalChanges,
      policy: config.webhooks,
      clustered: config.cluster.natsUrl !== undefined,
      log: deps.log.child({ area: 'webhooks' }),
      counters: webhookMetrics(app.gateway.metrics.registry),
    });
    // Stopped before the app closes: the streams end on purpose, the posts in flight give back their claims.
    app.addHook('preClose', () => webhooks.stop());
    deps.onStop(() => webhooks.stop());
    await webhookRoutes(app, webhooks);
    await webhooks.start();
  };
}
