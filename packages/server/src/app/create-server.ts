import type { AmiMessage } from '@amiable/ami';
import type { CustomerSummary } from '@amiable/protocol';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config, PbxConfig } from '../config/index.ts';
import { iso } from '../cti/iso.ts';
import { CtiProjector, type QueueInfo } from '../cti/projector.ts';
import { type DemoPbx, startDemoPbx } from '../demo/demo-pbx.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../demo/seed-demo.ts';
import { createCustomerDirectory } from '../directory/index.ts';
import { AgentService } from '../features/agents/agent-service.ts';
import { CallService } from '../features/calls/call-service.ts';
import type { PbxLink } from '../features/common/pbx-link.ts';
import { ServiceErrors } from '../features/common/service-errors.ts';
import { type GatewayApp, buildGatewayApp, createRouter, createGatewayMetrics, type PublishedEvent } from '../gateway/index.ts';
import { systemClock } from '../identity/index.ts';
import { createArchiveWriter } from '../persistence/archive/archive-writer.ts';
import { pruneArchive } from '../persistence/archive/archive-retention.ts';
import { createDatabase, type DatabaseHandle } from '../persistence/database.ts';
import { migrateToLatest } from '../persistence/migrations/index.ts';
import { createRepositories, type Repositories } from '../persistence/repositories/index.ts';
import { PbxConnection } from '../pbx/pbx-connection.ts';
import { channelsOfExtension, type PbxModel } from '../telephony/index.ts';
import { createAgentDirectory, createTimesheet } from './agent-directory.ts';
import { createAuditSink } from './audit-sink.ts';
import { createCallRecordWriter } from './call-record-writer.ts';
import { createCommandHandlers } from './command-handlers.ts';
import { createIdentityStores } from './identity-stores.ts';
import { createPresenceStore } from './presence-store.ts';
import { loadTokenSecret } from './token-secret.ts';
import { createStateView } from './state-view.ts';
import { serverRoutes } from './server-routes.ts';
import { startAmiPort, type AmiPortHandle } from './ami-port-wiring.ts';

export interface CtiServer {
  readonly config: Config;
  readonly url: string;
  readonly app: GatewayApp;
  readonly repos: Repositories;
  readonly agents: AgentService;
  readonly pbxs: ReadonlyMap<string, PbxConnection>;
  readonly demo: DemoPbx | undefined;
  readonly amiPort: AmiPortHandle | undefined;
  readonly log: Logger;
  stop(): Promise<void>;
}

/**
 * The composition root: builds every part in dependency order from one frozen
 * config, starts them, and stops them in reverse order. No globals.
 */
export interface CreateServerOptions {
  logger?: Logger;
  webRoot?: string;
  /** Told of every published event whose payload breaks its catalogue schema (tests fail on it). */
  invalidEvent?: (event: PublishedEvent, problems: string[]) => void;
}

export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<CtiServer> {
  const log = options.logger ?? pino({ level: config.log.level });
  const now = () => Date.now();
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const dataDir = resolve(config.dataDir);
    mkdirSync(dataDir, { recursive: true });

    // Persistence.
    const handle: DatabaseHandle = await createDatabase(
      config.database.driver === 'postgres'
        ? { driver: 'postgres', url: config.database.url, ...(config.database.schema ? { schema: config.database.schema } : {}) }
        : { driver: 'sqlite', file: config.database.file ?? join(dataDir, 'amiable.sqlite') },
    );
    stops.push(() => handle.close());
    await migrateToLatest(handle);
    const repos = createRepositories({ db: handle.db, dialect: handle.dialect, defaultCountry: config.phone.defaultCountry as never });
    const archive = createArchiveWriter({
      db: handle.db,
      dialect: handle.dialect,
      sqlite: handle.sqlite,
      flushIntervalMs: config.archive.flushIntervalMs,
      maxBatchRows: config.archive.batchSize,
      onError: (err, info) => log.error({ err, ...info }, 'archive write failed'),
    });
    stops.push(() => archive.close());
    const retention = setInterval(() => {
      void pruneArchive(handle.db, { olderThan: now() - config.archive.retentionDays * 86_400_000 }).catch((err) =>
        log.warn({ err }, 'archive retention failed'),
      );
    }, 3_600_000);
    retention.unref();
    stops.push(() => clearInterval(retention));

    // Demo mode: a simulated Asterisk when none is configured.
    let demo: DemoPbx | undefined;
    let pbxConfigs: PbxConfig[] = [...config.pbxs];
    if (pbxConfigs.length === 0) {
      demo = await startDemoPbx(config.demo.seed);
      stops.push(() => demo?.sim.close());
      pbxConfigs = [
        {
          id: 'main',
          host: '127.0.0.1',
          port: demo.sim.port,
          username: demo.username,
          secret: demo.secret,
          authType: 'md5',
          context: 'internal',
          deviceTech: 'PJSIP',
          outboundPrefix: '',
        },
      ];
      if (await seedDemo(repos, 'main')) log.info('demo data seeded');
    }
    const pbxById = new Map(pbxConfigs.map((p) => [p.id, p]));
    const defaultPbx = pbxConfigs[0]!.id;

    // Live model, workflow and projection.
    const router = createRouter({
      clock: systemClock,
      options: { resumeWindowMs: config.router.resumeWindowSeconds * 1000, maxQueueEvents: config.router.maxQueuedEvents },
      invalidEvent: (event, problems) => {
        log.error({ type: event.type, problems }, 'published CTI event does not match its catalogue schema');
        options.invalidEvent?.(event, problems);
      },
    });
    const metrics = createGatewayMetrics();
    const pbxs = new Map<string, PbxConnection>();
    /** The live model of each PBX; replaced on every resync swap. */
    const models = new Map<string, PbxModel>();
    const pbxSince = new Map<string, number>();
    const link: PbxLink = {
      send: (pbx, action) => {
        const conn = pbxs.get(pbx);
        if (!conn) return Promise.reject(ServiceErrors.unknownPbx(`No PBX ${pbx}`));
        return conn.send(action);
      },
      expect: (pbx, match, timeoutMs) => pbxs.get(pbx)!.expect(match, timeoutMs),
      isReady: (pbx) => pbxs.get(pbx)?.isReady() ?? false,
    };
    const projectorRef: { current?: CtiProjector } = {};
    const presence = createPresenceStore(repos, log);
    stops.push(() => presence.settled());
    const agents = new AgentService({
      pbx: link,
      directory: createAgentDirectory(repos, config),
      timesheet: createTimesheet(repos),
      presence,
      now,
      emit: (e) => projectorRef.current?.workflow(e),
      deviceTech: (pbx) => pbxById.get(pbx)?.deviceTech ?? 'PJSIP',
      defaultPbx,
      allowManualExtension: config.allowManualExtension,
    });
    stops.push(() => agents.close());
    const calls = new CallService({
      pbx: link,
      calls: { channelsOfExtension: (pbx, ext) => {
        const model = pbxs.get(pbx)?.model;
        return model ? channelsOfExtension(model, ext).map((c) => ({ uniqueid: c.uniqueid, name: c.name, linkedid: c.linkedid })) : [];
      } },
      dialing: (pbx) => {
        const p = pbxById.get(pbx)!;
        return { context: p.context, deviceTech: p.deviceTech, outboundPrefix: p.outboundPrefix, defaultCountry: config.phone.defaultCountry };
      },
    });
    const customers = createCustomerDirectory({ customers: repos.customers, defaultCountry: config.phone.defaultCountry as never });
    const queueInfos = new Map<string, QueueInfo>();
    const loadQueueInfos = async () => {
      const skills = await repos.skills.list();
      const skillQueues = await repos.skills.skillQueues();
      for (const s of await repos.queueSettings.list()) {
        const skill = skills.find((k) => skillQueues.some((m) => m.skillId === k.id && m.queue === s.queue));
        queueInfos.set(s.queue, {
          language: s.language ?? (skill?.kind === 'language' ? skill.name : null),
          skill: skill?.label ?? s.displayName,
          popupUrlTemplate: s.popupUrlTemplate,
          serviceLevelSeconds: s.serviceLevelSeconds ?? 20,
        });
      }
    };
    await loadQueueInfos();
    const refreshQueueInfos = setInterval(() => void loadQueueInfos().catch(() => undefined), 30_000);
    refreshQueueInfos.unref();
    stops.push(() => clearInterval(refreshQueueInfos));
    const writeCallRecord = createCallRecordWriter({
      repos,
      customers,
      agentOfExtension: (pbx, ext) => agents.byExtension(pbx, ext)?.agentId ?? null,
      log,
    });
    const projector = new CtiProjector({
      publish: (event) => {
        router.publish(event);
        const p = event.payload as Record<string, unknown>;
        archive.appendCti({
          type: event.type,
          at: Date.parse(event.at),
          scope: {
            pbx: event.pbx ?? null,
            agent: (p.agentId as string | undefined) ?? null,
            extension: (p.extension as string | undefined) ?? null,
            queue: (p.queue as string | undefined) ?? null,
          },
          payload: event.payload,
        });
      },
      agents,
      models: () => models,
      findCustomer: async (number): Promise<CustomerSummary | null> => {
        const c = await customers.findCustomerByNumber(number);
        return c ? { id: c.id, name: c.name, company: null, language: c.language, externalUrl: null } : null;
      },
      queueInfo: (q) =>
        queueInfos.get(q) ?? { language: /^lang-([a-z]{2})$/.exec(q)?.[1] ?? null, skill: null, popupUrlTemplate: null, serviceLevelSeconds: 20 },
      now,
      callEnded: (pbx, call) => {
        const model = pbxs.get(pbx)?.model;
        if (model) writeCallRecord(pbx, model, call);
      },
      activityChanged: (view) => {
        const a = agents.get(view.agentId);
        if (!a || view.state === 'logged-out') return;
        void repos.timesheet
          .changeState({ agentId: a.agentId, sessionId: a.sessionId, pbx: a.pbx, extension: a.extension, state: view.state, reason: view.reason, at: now() })
          .catch((err) => log.warn({ err, agentId: a.agentId }, 'timesheet write failed'));
      },
    });
    projectorRef.current = projector;
    stops.push(() => projector.close());

    const amiListeners = new Set<(pbx: string, msg: AmiMessage) => void>();
    for (const p of pbxConfigs) {
      const conn = new PbxConnection({
        config: p,
        log,
        listener: {
          event: (pbx, msg) => {
            archive.appendAmi(pbx, msg);
            for (const l of amiListeners) l(pbx, msg);
          },
          changes: (pbx, changes) => projector.changes(pbx, changes),
          resynced: (pbx, info) => {
            models.set(pbx, info.model);
            projector.changes(pbx, info.changes);
            projector.resynced(pbx);
            router.publish({ type: 'resync', at: iso(now()), pbx, payload: { pbx, reason: info.restarted ? 'asterisk restarted' : 'reconnected' } });
          },
          state: (pbx, state, detail) => {
            pbxSince.set(pbx, now());
            metrics.amiState?.(pbx, state);
            log.info({ pbx, state, detail }, 'PBX connection');
            router.publish({
              type: 'pbx.connection',
              at: iso(now()),
              pbx,
              payload: { pbx, state: state === 'down' ? 'reconnecting' : state, since: iso(now()), error: null },
            });
            if (state === 'ready') {
              // Step 4 of the resync order: re-apply what the CTI server owns.
              const model = pbxs.get(pbx)?.model;
              void agents
                .reapply(pbx, (iface) =>
                  [...(model?.queues.values() ?? [])]
                    .map((q) => q.members.get(iface))
                    .filter((m) => m !== undefined)
                    .map((m) => ({ queue: m.queue, paused: m.paused })),
                )
                .then((n) => log.info({ pbx, changes: n }, 'agent memberships re-applied'))
                .catch((err) => log.warn({ err: (err as Error).message }, 're-apply failed'));
            }
          },
        },
      });
      pbxs.set(p.id, conn);
      models.set(p.id, conn.model);
      stops.push(() => conn.close());
    }
    await agents.restore();
    await Promise.all([...pbxs.values()].map((c) => c.start().catch((err) => log.error({ err: (err as Error).message, pbx: c.id }, 'PBX connection failed'))));

    // Gateway.
    const identity = createIdentityStores(handle.db, repos);
    const state = createStateView({ pbxs, agents, projector, pbxSince, now });
    const tls = config.http.tls;
    const app = await buildGatewayApp({
      config: {
        tokenSecret: config.auth.tokenSecret ?? loadTokenSecret(dataDir),
        accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
        refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
        trustProxy: config.http.trustProxy,
        loginLimits: {
          perUser: { limit: config.auth.loginAttemptsPerMinute, windowMs: 60_000 },
          perIp: { limit: config.auth.loginAttemptsPerMinute * 5, windowMs: 60_000 },
        },
      },
      ...identity,
      audit: createAuditSink(repos),
      state,
      commands: createCommandHandlers({ agents, calls }),
      router,
      metrics,
      ...(tls ? { https: await import('./tls-files.ts').then((m) => m.readTlsFiles(tls)) } : {}),
      routes: serverRoutes({
        defaultCountry: config.phone.defaultCountry,
        defaultWrapup: { seconds: config.wrapup.seconds, mode: config.wrapup.mode },
        allowManualExtension: config.allowManualExtension,
        repos,
        handle, demo: demo ? DEMO_ACCOUNTS : undefined, webRoot: options.webRoot, pbxs, archive, onQueueSettingsChanged: loadQueueInfos }),
    });
    stops.push(() => app.close());
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    const url = address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost');

    const amiPort = config.amiPort.enabled
      ? await startAmiPort({ config, app, pbxs, subscribe: (l) => { amiListeners.add(l); return () => amiListeners.delete(l); }, defaultPbx })
      : undefined;
    if (amiPort) stops.push(() => amiPort.close());

    if (demo && config.demo.autoSignIn) {
      // Sign the demo agents in (all but the first, who is yours to sign in) and start the traffic.
      const others = (await repos.agents.list()).filter((a) => a.username !== DEMO_ACCOUNTS[0]!.username);
      for (const a of others) await agents.signIn(a.userId, {}).catch((err) => log.warn({ err: (err as Error).message }, 'demo sign-in failed'));
      demo.startTraffic(config.demo.callsPerMinute, config.demo.seed);
    }

    return { config, url, app, repos, agents, pbxs, demo, amiPort, log, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
