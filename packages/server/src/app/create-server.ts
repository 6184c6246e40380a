import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { registerClusterMetrics } from '../cluster/cluster-metrics.ts';
import { createLocalBus } from '../cluster/index.ts';
import { type Config, ConfigError } from '../config/index.ts';
import type { DemoPbx } from '../demo/demo-pbx.ts';
import { DEMO_ACCOUNTS } from '../demo/seed-demo.ts';
import type { AgentService } from '../features/agents/agent-service.ts';
import type { GatewayApp, PublishedEvent } from '../gateway/index.ts';
import type { ArchiveWriter } from '../persistence/archive/archive-writer.ts';
import type { DatabaseHandle } from '../persistence/database.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';
import type { AmiPortHandle } from './ami-port-wiring.ts';
import { type ClusterPart, wireCluster } from './cluster-part.ts';
import { wireCrm } from './crm-part.ts';
import { type GatewayUpstream, wireGateway } from './gateway-part.ts';
import { integrationRoutes } from './integrations-part.ts';
import { type OwnerPart, wireOwner } from './owner-part.ts';
import { resolvePbxs } from './pbx-configs.ts';
import { wireStorage } from './storage-part.ts';

export interface CtiServer {
  readonly config: Config;
  readonly url: string;
  readonly app: GatewayApp;
  readonly repos: Repositories;
  readonly database: DatabaseHandle;
  readonly archive: ArchiveWriter;
  /** Archive, call-record, timesheet and presence writes, spooled to disk while the database is away. */
  readonly storage: DurableStorage;
  readonly agents: AgentService;
  readonly pbxs: ReadonlyMap<string, PbxConnection>;
  readonly demo: DemoPbx | undefined;
  readonly amiPort: AmiPortHandle | undefined;
  readonly log: Logger;
  /** Cluster mode only: this node's id, leases and members. */
  readonly cluster: ClusterPart | undefined;
  stop(): Promise<void>;
}

/**
 * The composition root: a node is its storage, an owner part (AMI, model, workflow,
 * projector), a gateway part (router, REST, WebSocket, AMI port) and the bus between
 * them. It builds them in dependency order from one frozen config, starts them, and
 * stops them in reverse order. No globals, no logic.
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
  const onStop = (s: () => Promise<void> | void) => void stops.push(s);
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const dataDir = resolve(config.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const storage = await wireStorage({ config, dataDir, log, now, onStop });
    const { pbxConfigs, demo } = await resolvePbxs({ pbxs: config.pbxs, demoSeed: config.demo.seed, repos: storage.repos, log, onStop });
    const defaultPbx = pbxConfigs[0]!.id;

    const crm = wireCrm({ config, log });
    const cluster = config.cluster.natsUrl ? await wireCluster({ config, pbxConfigs, storage, log, now, onStop, ...(crm ? { crm } : {}) }) : undefined;
    const bus = cluster?.bus ?? createLocalBus();
    if (!cluster) onStop(() => bus.close());
    const gateway = wireGateway({ config, bus, identity: cluster?.identity, log, onStop, ...(options.invalidEvent ? { invalidEvent: options.invalidEvent } : {}) });
    crm?.counters.register(gateway.metrics.registry);
    let owner: OwnerPart | undefined;
    let upstream: GatewayUpstream;
    if (cluster) {
      registerClusterMetrics(gateway.metrics.registry, cluster.status);
      await cluster.start();
      upstream = cluster.upstream;
    } else {
      const o = await wireOwner({ config, pbxConfigs, ...storage, bus, log, now, onStop, ...(crm ? { crm } : {}) });
      await o.start();
      owner = o;
      upstream = {
        state: o.state,
        commands: o.commands,
        pbxs: o.pbxs,
        onQueueSettingsChanged: () => o.queueInfos.reload(),
        onDispositionSet: (pbx, callId) => o.agents.dispositionRecorded(pbx, callId),
      };
    }
    const integrations = integrationRoutes({ config, handle: storage.handle, log, onStop });
    const front = await gateway.serve(upstream, { ...storage, dataDir, demo: demo ? DEMO_ACCOUNTS : undefined, webRoot: options.webRoot, defaultPbx, integrations });

    if (demo && config.demo.autoSignIn) {
      // Sign the demo agents in (all but the first, who is yours to sign in) and start the traffic.
      const others = (await storage.repos.agents.list()).filter((a) => a.username !== DEMO_ACCOUNTS[0]!.username);
      for (const a of others) await owner!.agents.signIn(a.userId, {}).catch((err) => log.warn({ err: (err as Error).message }, 'demo sign-in failed'));
      demo.startTraffic(config.demo.callsPerMinute, config.demo.seed);
    }

    const { app, url, amiPort } = front;
    const pbxs = cluster ? cluster.upstream.pbxs : owner!.pbxs;
    return {
      config,
      url,
      app,
      repos: storage.repos,
      database: storage.handle,
      archive: storage.archive,
      storage: storage.durable,
      get agents(): AgentService {
        if (owner) return owner.agents;
        throw new ConfigError('in cluster mode the agent workflow lives in each PBX owner; use the API');
      },
      pbxs,
      demo,
      amiPort,
      log,
      cluster,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
