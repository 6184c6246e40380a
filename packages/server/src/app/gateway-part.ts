import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { CtiBus } from '../cluster/index.ts';
import type { Config } from '../config/index.ts';
import type { DemoCredentials } from '../demo/seed-demo.ts';
import {
  buildGatewayApp,
  type CommandHandlers,
  createGatewayMetrics,
  createRouter,
  type GatewayApp,
  type PublishedEvent,
  type StateView,
  trustProxyOption,
} from '../gateway/index.ts';
import { type LoginBudgets, type LoginLimits, type PrincipalChanges, systemClock } from '../identity/index.ts';
import type { ApiKeyStore } from '../identity/ports.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';
import { registerSpoolMetrics } from '../persistence/spool/spool-metrics.ts';
import type { ArchiveWriter } from '../persistence/archive/archive-writer.ts';
import type { DatabaseHandle } from '../persistence/database.ts';
import type { AmiPortUpstream } from '../ami-port/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';
import { type AmiPortHandle, startAmiPort } from './ami-port-wiring.ts';
import { createAuditSink } from './audit-sink.ts';
import { createReadyGate } from './ready-gate.ts';
import { createIdentityStores } from './identity-stores.ts';
import { serverRoutes } from './server-routes.ts';
import { loadTokenSecret } from './token-secret.ts';

/** What the gateway serves: the owner's live state, its commands and its PBX connections. */
export interface GatewayUpstream {
  state: StateView;
  commands: CommandHandlers;
  pbxs: ReadonlyMap<string, PbxConnection>;
  onQueueSettingsChanged: () => Promise<void>;
  /** A call got a disposition (the owner's agent workflow lets the agent be Ready). */
  onDispositionSet?: (pbx: string, callId: string) => Promise<void>;
  /** Where the AMI-compatible port sends actions (cluster mode: the owner of the PBX); default: `pbxs`. */
  amiActions?: AmiPortUpstream;
}

/** Cluster mode: what every node's gateway shares (revocations and scope changes, login budgets). */
export interface SharedIdentity {
  principalChanges: PrincipalChanges;
  loginBudgets: (limits: LoginLimits) => LoginBudgets;
}

export interface ServedGateway {
  app: GatewayApp;
  url: string;
  amiPort: AmiPortHandle | undefined;
}

/**
 * The gateway part of a node: the router (fed by the bus from the moment it is wired), then,
 * once the owner is up, the REST and WebSocket app and the AMI-compatible port.
 */
export function wireGateway(deps: {
  config: Config;
  bus: CtiBus;
  /** Cluster mode: shared over NATS; this node's own otherwise. */
  identity?: SharedIdentity | undefined;
  log: Logger;
  onStop: (stop: () => Promise<void> | void) => void;
  /** Told of every published event whose payload breaks its catalogue schema (tests fail on it). */
  invalidEvent?: (event: PublishedEvent, problems: string[]) => void;
}) {
  const { config, bus, log } = deps;
  const router = createRouter({
    clock: systemClock,
    options: { resumeWindowMs: config.router.resumeWindowSeconds * 1000, maxQueueEvents: config.router.maxQueuedEvents },
    ...(bus.history ? { history: bus.history } : {}),
    invalidEvent: (event, problems) => {
      log.error({ type: event.type, problems }, 'published CTI event does not match its catalogue schema');
      deps.invalidEvent?.(event, problems);
    },
  });
  const metrics = createGatewayMetrics();
  deps.onStop(bus.subscribeCti((event, position) => router.publish(event, position)));

  return {
    router,
    metrics,
    async serve(upstream: GatewayUpstream, storage: {
      repos: Repositories;
      handle: DatabaseHandle;
      archive: ArchiveWriter;
      durable: DurableStorage;
      dataDir: string;
      demo: DemoCredentials[] | undefined;
      webRoot: string | undefined;
      defaultPbx: string;
      /** Integration routes (webhooks), given the API-key store the gateway authenticates with. */
      integrations?: (app: FastifyInstance, apiKeys: ApiKeyStore) => Promise<void>;
    }): Promise<ServedGateway> {
      // Agents signed in before this gateway followed the events: learn where they sit.
      router.seedSeats(upstream.state.snapshot().agents);
      const identity = createIdentityStores(storage.handle.db, storage.repos, (err, message) => log.warn({ err }, message));
      registerSpoolMetrics(metrics.registry, storage.durable);
      const tls = config.http.tls;
      const app = await buildGatewayApp({
        config: {
          tokenSecret: config.auth.tokenSecret ?? loadTokenSecret(storage.dataDir),
          accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
          refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
          trustProxy: trustProxyOption(config.trustedProxies, config.http.trustProxy),
          ...(config.http.metricsToken ? { metricsToken: config.http.metricsToken } : {}),
          ws: { maxFramesPerSecond: config.ws.maxFramesPerSecond, frameBurst: config.ws.frameBurst },
          loginLimits: {
            perUserAddress: { limit: config.auth.loginAttemptsPerMinute, windowMs: 60_000 },
            perUser: { limit: config.auth.loginAttemptsPerMinute * 3, windowMs: 60_000 },
            perIp: { limit: config.auth.loginFailuresPerAddressPerMinute, windowMs: 60_000 },
            rememberSuccessMs: config.auth.rememberSignInDays * 86_400_000,
          },
        },
        ...identity,
        ...(deps.identity ? { principalChanges: deps.identity.principalChanges, loginBudgets: deps.identity.loginBudgets } : {}),
        audit: createAuditSink(storage.repos),
        state: upstream.state,
        commands: upstream.commands,
        router,
        metrics,
        storageHealth: () => storage.durable.health(),
        ...(tls ? { https: await import('./tls-files.ts').then((m) => m.readTlsFiles(tls)) } : {}),
        routes: withIntegrations(storage.integrations, identity.apiKeys, serverRoutes({
          defaultCountry: config.phone.defaultCountry,
          defaultWrapup: { seconds: config.wrapup.seconds, mode: config.wrapup.mode },
          allowManualExtension: config.allowManualExtension,
          recordingAgentControl: config.recording.agentControl,
          transferTargets: config.transfers.targets,
          repos: storage.repos,
          handle: storage.handle,
          demo: storage.demo,
          webRoot: storage.webRoot,
          pbxs: upstream.pbxs,
          archive: storage.archive,
          onQueueSettingsChanged: upstream.onQueueSettingsChanged,
          ...(upstream.onDispositionSet ? { onDispositionSet: upstream.onDispositionSet } : {}),
        })),
      });
      deps.onStop(() => app.close());
      const address = await app.listen({ host: config.http.host, port: config.http.port });
      const url = address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost');
      const amiPort = config.amiPort.enabled
        ? await startAmiPort({
            config,
            app,
            pbxs: upstream.pbxs,
            ...(upstream.amiActions ? { upstream: upstream.amiActions } : {}),
            subscribe: (l) => bus.subscribeAmi(l),
            defaultPbx: storage.defaultPbx,
            pauseReasonExists: async (code) => (await storage.repos.pauseReasons.getByCode(code)) !== undefined,
            readyGate: createReadyGate({ state: upstream.state, repos: storage.repos, defaultPbx: storage.defaultPbx }),
          })
        : undefined;
      if (amiPort) deps.onStop(() => amiPort.close());
      return { app, url, amiPort };
    },
  };
}

export type GatewayPart = ReturnType<typeof wireGateway>;

function withIntegrations(
  integrations: ((app: FastifyInstance, apiKeys: ApiKeyStore) => Promise<void>) | undefined,
  apiKeys: ApiKeyStore,
  routes: (app: FastifyInstance) => Promise<void>,
): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    await routes(app);
    await integrations?.(app, apiKeys);
  };
}
