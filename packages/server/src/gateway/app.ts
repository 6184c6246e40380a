import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createAccessTokens } from '../identity/access-token.ts';
import { createAuthService } from '../identity/auth-service.ts';
import { type Clock, systemClock } from '../identity/clock.ts';
import { createPasswordHasher } from '../identity/password.ts';
import { createLivePrincipals } from '../identity/live-principals.ts';
import type { ApiKeyStore, RefreshTokenStore, UserStore } from '../identity/ports.ts';
import type { LoginBudgets, LoginLimits } from '../identity/login-guard.ts';
import type { Health } from '@amiable/protocol';
import { createLocalPrincipalChanges, type PrincipalChanges } from '../identity/principal-changes.ts';
import { createAuditor } from './audit.ts';
import { createCommandExecutor } from './commands/execute.ts';
import { type GatewayConfigInput, resolveGatewayConfig } from './config.ts';
import { auditRoutes } from './http/audit-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { createAuthorize } from './http/authorize.ts';
import { commandRoutes } from './http/command-routes.ts';
import type { GatewayContext } from './http/context.ts';
import { installErrorHandlers } from './http/error-handler.ts';
import { registerOpenApi } from './http/openapi.ts';
import { stateRoutes } from './http/state-routes.ts';
import { typeboxValidatorCompiler } from './http/validator.ts';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.ts';
import type { AuditSink, CommandHandlers, StateView } from './ports.ts';
import { createRouter, type Router } from './router/router.ts';
import { shareSnapshot } from './shared-snapshot.ts';
import { wsRoutes } from './ws/ws-route.ts';

export interface GatewayDeps {
  config: GatewayConfigInput;
  users: UserStore;
  refreshTokens: RefreshTokenStore;
  apiKeys: ApiKeyStore;
  audit: AuditSink;
  state: StateView;
  commands: CommandHandlers;
  clock?: Clock;
  /** Fastify logger option (a pino instance or options); off by default. */
  logger?: FastifyServerOptions['loggerInstance'] | boolean;
  /** Serve HTTPS and WSS: the same options as Node's `https.createServer` (at least `key` and `cert`). */
  https?: { key: string | Buffer; cert: string | Buffer; [option: string]: unknown };
  /** Share a router built elsewhere (the domain publishes into it); one is created otherwise. */
  router?: Router;
  metrics?: GatewayMetrics;
  /** Reported by /api/health: the database writes' state (spooling makes the server 'degraded'). */
  storageHealth?: () => NonNullable<Health['storage']>;
  /**
   * The principal change stream (a bus carries it between nodes); an in-process one is created
   * otherwise. Open WebSockets follow it: they update their view or close with 4003.
   */
  principalChanges?: PrincipalChanges;
  /** Where the login budgets are kept; this node's memory by default (cluster mode shares them). */
  loginBudgets?: (limits: LoginLimits) => LoginBudgets;
  /**
   * Mounts further route plugins (feature routes, CRUD resources) before the app is ready, so the
   * OpenAPI document covers them.
   */
  routes?: (app: FastifyInstance) => Promise<void> | void;
}

export type GatewayApp = FastifyInstance;

/**
 * The client-facing HTTP server: REST (with its OpenAPI document), the WebSocket API at
 * `/api/ws` and Prometheus metrics. Call `app.listen()` to serve; `app.close()` closes every
 * client connection with 1001 and stops the router's housekeeping.
 */
export async function buildGatewayApp(deps: GatewayDeps): Promise<GatewayApp> {
  const config = resolveGatewayConfig(deps.config);
  const clock = deps.clock ?? systemClock;
  const metrics = deps.metrics ?? createGatewayMetrics();
  const state = shareSnapshot(deps.state);
  const router = deps.router ?? createRouter({ clock, options: config.router, metrics: metrics.router });
  metrics.setRouter(router);

  const appRef: { current?: FastifyInstance } = {};
  const changes =
    deps.principalChanges ??
    createLocalPrincipalChanges({
      onListenerError: (err, change) => appRef.current?.log.error({ err, change }, 'principal change listener failed'),
    });
  const auth = createAuthService({
    users: deps.users,
    refreshTokens: deps.refreshTokens,
    apiKeys: deps.apiKeys,
    accessTokens: createAccessTokens({ secret: config.tokenSecret, ttlSeconds: config.accessTokenTtlSeconds, clock }),
    passwords: createPasswordHasher(config.passwordHashing),
    clock,
    refreshTtlSeconds: config.refreshTokenTtlSeconds,
    loginLimits: config.loginLimits,
    ...(deps.loginBudgets ? { loginBudgets: deps.loginBudgets } : {}),
    changes,
  });
  const live = createLivePrincipals({
    changes,
    reload: (principal) => auth.reload(principal),
    onError: (err, principal) =>
      appRef.current?.log.error({ err, userId: principal.userId }, 'could not re-read a principal after a change; the connection keeps its view'),
  });

  const app = Fastify({
    ...(typeof deps.logger === 'object' ? { loggerInstance: deps.logger } : { logger: deps.logger ?? false }),
    ...(deps.https ? { https: deps.https } : {}),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
  }) as unknown as FastifyInstance;
  // Strict validation everywhere: bodies as sent (no type coercion), query strings converted.
  app.setValidatorCompiler(typeboxValidatorCompiler);
  appRef.current = app;

  const audit = createAuditor({ sink: deps.audit, clock, onError: (err) => app.log.error({ err }, 'audit write failed') });
  const execute = createCommandExecutor({
    handlers: deps.commands,
    state,
    audit,
    onResult: (name, code) => metrics.command(name, code),
  });
  const context: GatewayContext = {
    config,
    clock,
    auth,
    principalChanges: changes,
    livePrincipals: live,
    router,
    metrics,
    state,
    ...(deps.storageHealth ? { storageHealth: deps.storageHealth } : {}),
    audit,
    auditSink: deps.audit,
    execute,
    authorize: createAuthorize(auth, audit),
  };
  app.decorate('gateway', context);
  app.decorateRequest('principal', null);

  const sweep = setInterval(() => router.sweep(), Math.max(1000, Math.min(config.router.resumeWindowMs, 30_000)));
  sweep.unref();
  app.addHook('preClose', async () => {
    router.closeAll();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    live.close();
  });

  installErrorHandlers(app);
  await registerOpenApi(app, config.version, config.docs);
  await app.register(websocket, { options: { maxPayload: config.ws.maxPayloadBytes } });
  await app.register(async (scope) =>
    wsRoutes(scope, {
      auth,
      live,
      router,
      state,
      execute,
      audit,
      helloTimeoutMs: config.ws.helloTimeoutMs,
      heartbeatMs: config.ws.heartbeatMs,
      closeGraceMs: config.ws.closeGraceMs,
      maxFramesPerSecond: config.ws.maxFramesPerSecond,
      frameBurst: config.ws.frameBurst,
    }),
  );
  await app.register(authRoutes);
  await app.register(commandRoutes);
  await app.register(stateRoutes);
  await app.register(auditRoutes);
  if (deps.routes) await app.register(async (scope) => deps.routes?.(scope));
  return app;
}
