/**
 * The REST feature routes over the repositories: the directory (users, agents, skills, skill→queue
 * map, workstations, pause reasons, teams, queues, API keys), customers with lookup and CSV import,
 * the wrap-up policy, the call log with CSV export, an agent's missed calls, and reports. Mount with
 * `buildGatewayApp({ ..., routes: featureRoutes({ repos, db, hooks }) })`.
 */
import type { FastifyInstance } from 'fastify';
import { callDispositionRoutes } from './call-disposition-routes.ts';
import { callsRoutes } from './calls-routes.ts';
import { customersRoutes } from './customers-routes.ts';
import { type FeatureRoutesDeps, featureContext } from './deps.ts';
import { directoryRoutes } from './directory-routes.ts';
import { dispositionsRoutes } from './dispositions-routes.ts';
import { missedCallsRoutes } from './missed-calls-routes.ts';
import { reportsRoutes } from './reports-routes.ts';
import { wrapupRoutes } from './wrapup-routes.ts';

export type { FeatureRoutesDeps, FeatureRoutesHooks, ImportOptions } from './deps.ts';
export { readWrapupPolicy, writeWrapupPolicy, type WrapupPolicyView, WRAPUP_OPTIONS_KEY } from './wrapup-policy.ts';
export { inactivePauseReasons, INACTIVE_PAUSE_REASONS_KEY } from './pause-reasons-store.ts';
export { AVAILABLE_REPORTS } from './reports-routes.ts';

export function featureRoutes(deps: FeatureRoutesDeps): (app: FastifyInstance) => Promise<void> {
  const ctx = featureContext(deps);
  // One encapsulated plugin: the CSV body parser applies to these routes only (the gateway's strict validator to all).
  return async (app) => {
    await app.register(async (scope) => {
      await directoryRoutes(scope, ctx);
      await customersRoutes(scope, ctx);
      await wrapupRoutes(scope, ctx);
      await callsRoutes(scope, ctx);
      await dispositionsRoutes(scope, ctx);
      await callDispositionRoutes(scope, ctx);
      await missedCallsRoutes(scope, ctx);
      await reportsRoutes(scope, ctx);
    });
  };
}
