import { hostname } from 'node:os';
import { connect, type Subscription } from 'nats';
import type { NodeHealth } from '@amiable/protocol';
import type { Logger } from 'pino';
import { createClusterState } from '../cluster/cluster-state.ts';
import { createMembers } from '../cluster/members.ts';
import { createNatsBus } from '../cluster/nats-bus.ts';
import { whileClusterForms } from '../cluster/nats-streams.ts';
import { createPbxLeases } from '../cluster/pbx-leases.ts';
import { remoteAmiUpstream, serveAmiActions } from '../cluster/remote-ami-actions.ts';
import { remoteCommandHandlers, serveCommands } from '../cluster/remote-commands.ts';
import { serveState } from '../cluster/cluster-state.ts';
import { createNatsPrincipalChanges } from '../cluster/nats-principal-changes.ts';
import { createSharedLoginBudgets } from '../cluster/shared-login-budgets.ts';
import { LEASE_BUCKET, LOGIN_KNOWN_BUCKET, MEMBER_BUCKET } from '../cluster/subjects.ts';
import { type LoginBudgets, systemClock } from '../identity/index.ts';
import { type Config, ConfigError, type PbxConfig } from '../config/index.ts';
import { validateCommandArgs } from '../gateway/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';
import { createCommandPbx } from './command-pbx.ts';
import type { GatewayUpstream, SharedIdentity } from './gateway-part.ts';
import { type OwnerPart, wireOwner } from './owner-part.ts';
import type { ScreenPopCrm } from './crm-part.ts';
import type { StoragePart } from './storage-part.ts';
import { createBatchInserter } from '../persistence/archive/archive-insert.ts';
import { createArchiveWriter } from '../persistence/archive/archive-writer.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';
import { createWritePublisher } from '../cluster/write-publisher.ts';
import { startWriter } from '../cluster/write-writer.ts';

const RESERVED = new Set(['cmd', 'state', '_']);

interface Owned {
  part: OwnerPart;
  stops: Array<() => Promise<void> | void>;
  subs: Subscription[];
}

/**
 * Cluster mode: the node joins NATS, takes the leases of the PBXs it should own and runs an
 * owner part for each, feeds its gateway from the JetStream bus, and forwards commands to the
 * owners. Built only when `cluster.natsUrl` is set.
 */
export async function wireCluster(deps: {
  config: Config;
  pbxConfigs: readonly PbxConfig[];
  storage: StoragePart;
  log: Logger;
  now: () => number;
  onStop: (stop: () => Promise<void> | void) => void;
  /** The CRM consulted for screen pops, when one is configured. */
  crm?: ScreenPopCrm;
}) {
  const { config, log } = deps;
  const c = config.cluster;
  if (config.pbxs.length === 0) throw new ConfigError('cluster mode needs configured PBXs (pbxs); demo mode runs on a single node');
  for (const p of deps.pbxConfigs) if (RESERVED.has(p.id)) throw new ConfigError(`PBX id ${p.id} is reserved in cluster mode`);
  const nodeId = c.nodeId ?? `${hostname().replace(/[^A-Za-z0-9_-]/g, '-')}-${process.pid}`;
  const pbxIds = deps.pbxConfigs.map((p) => p.id);
  const nc = await connect({ servers: c.natsUrl!.split(','), name: `amiable-${nodeId}`, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  deps.onStop(() => nc.drain().catch(() => undefined));
  const js = nc.jetstream();
  const replicas = c.replicas;
  const leaseKv = await whileClusterForms(() => js.views.kv(LEASE_BUCKET, { history: 1, ttl: 20 * c.leaseTtlMs, replicas }));
  const memberKv = await whileClusterForms(() => js.views.kv(MEMBER_BUCKET, { history: 1, ttl: 3 * c.leaseTtlMs, replicas }));
  const bus = await createNatsBus({ nc, pbxs: pbxIds, retentionSeconds: c.retentionSeconds, replicas, log });
  deps.onStop(() => bus.close());
  // What every node's gateway shares: revocations and scope changes, and the login budgets.
  const principalChanges = createNatsPrincipalChanges({ nc, nodeId, log });
  deps.onStop(() => principalChanges.close());
  const knownKv = await js.views.kv(LOGIN_KNOWN_BUCKET, { history: 1, ttl: config.auth.rememberSignInDays * 86_400_000, replicas });
  const jsm = await nc.jetstreamManager();
  // Database writes: owners publish the rows to AMIABLE_WRITES; every node writes them from the shared consumer.
  const { handle } = deps.storage;
  const writer = await startWriter({
    js,
    jsm,
    replicas,
    db: handle.db,
    dialect: handle.dialect,
    defaultCountry: config.phone.defaultCountry,
    insert: createBatchInserter({ db: handle.db, dialect: handle.dialect }),
    log,
  });
  deps.onStop(() => writer.close());
  const publisher = createWritePublisher({ js, log });
  const archive = createArchiveWriter({
    db: handle.db,
    dialect: handle.dialect,
    insert: publisher.archiveInserter,
    flushIntervalMs: config.archive.flushIntervalMs,
    maxBatchRows: config.archive.batchSize,
    onError: (err, info) => log.error({ err, ...info }, 'archive publish failed'),
  });
  deps.onStop(() => archive.close());
  const durable: DurableStorage = { ...deps.storage.durable, record: publisher.record, recordsDrained: (timeoutMs) => writer.drained(timeoutMs) };
  // The budget streams take the limits the gateway resolves; they are set up on the first sign-in.
  let budgets: Promise<LoginBudgets> | undefined;
  const identity: SharedIdentity = {
    principalChanges,
    loginBudgets: (limits) => ({
      async begin(username, ip) {
        budgets ??= createSharedLoginBudgets({ js, jsm, known: knownKv, limits, replicas, clock: systemClock, log }).catch((err) => {
          budgets = undefined;
          throw err;
        });
        return (await budgets).begin(username, ip);
      },
    }),
  };

  const owned = new Map<string, Owned>();
  const conns = new Map<string, PbxConnection>();
  const chains = new Map<string, Promise<void>>();
  const serial = (pbx: string, run: () => Promise<void>) => {
    const next = (chains.get(pbx) ?? Promise.resolve()).then(run).catch((err) => log.error({ pbx, err: (err as Error).message }, 'PBX ownership change failed'));
    chains.set(pbx, next);
    return next;
  };

  const release = async (pbx: string) => {
    const o = owned.get(pbx);
    if (!o) return;
    owned.delete(pbx);
    conns.delete(pbx);
    for (const s of o.subs) s.unsubscribe();
    for (const s of o.stops.reverse()) await s();
  };

  const members = createMembers({
    kv: memberKv,
    nodeId,
    intervalMs: Math.max(250, Math.floor(c.leaseTtlMs / 2)),
    self: () => ({ url: null, owned: leases.owned(), startedAt }),
    log,
  });
  const startedAt = deps.now();
  const leases = createPbxLeases({
    kv: leaseKv,
    nodeId,
    pbxs: pbxIds,
    ttlMs: c.leaseTtlMs,
    members: () => members.list(),
    membersStableFor: () => members.stableFor(),
    log,
    listener: {
      acquired: (pbx) =>
        serial(pbx, async () => {
          const stops: Owned['stops'] = [];
          const part = await wireOwner({
            config,
            pbxConfigs: deps.pbxConfigs.filter((p) => p.id === pbx),
            ...deps.storage,
            archive,
            durable,
            ...(deps.crm ? { crm: deps.crm } : {}),
            bus,
            log,
            now: deps.now,
            onStop: (s) => void stops.push(s),
            fence: (id) => ({ allowed: () => leases.holds(id), refused: () => leases.fenced(id) }),
          });
          const subs = [
            serveCommands({ nc, pbx, handlers: part.commands, validate: validateCommandArgs, log }),
            serveState(nc, pbx, part.state),
            serveAmiActions({ nc, pbx, conn: part.pbxs.get(pbx)!, log }),
          ];
          owned.set(pbx, { part, stops, subs });
          conns.set(pbx, part.pbxs.get(pbx)!);
          // Not awaited: a PBX that is slow to answer must not hold up a release.
          void part.start().catch((err) => log.error({ pbx, err: (err as Error).message }, 'PBX start failed'));
        }),
      lost: (pbx) => {
        // Close the AMI connection now, before anything else runs on this turn.
        void owned.get(pbx)?.part.pbxs.get(pbx)?.close();
        return serial(pbx, () => release(pbx));
      },
    },
  });

  const state = createClusterState({ nc, pbxs: pbxIds, local: (pbx) => owned.get(pbx)?.part.state, refreshMs: 1000, log });
  deps.onStop(() => state.close());

  const status = async (): Promise<NodeHealth> => ({
    id: nodeId,
    owned: leases.owned().map((pbx) => ({ pbx, leaseAgeMs: leases.ageMs(pbx) ?? 0 })),
    owners: Object.entries(leases.owners()).map(([pbx, node]) => ({ pbx, node })),
    members: members.info().map((m) => ({ node: m.node, owned: m.owned })),
    consumerLag: await bus.lag().catch(() => 0),
    writerLag: await writer.lag().catch(() => 0),
  });
  const upstream: GatewayUpstream = {
    state: { ...state.view, node: status },
    pbxs: conns,
    commands: remoteCommandHandlers({
      nc,
      timeoutMs: c.commandTimeoutMs,
      local: (pbx) => owned.get(pbx)?.part.commands,
      pbxOf: createCommandPbx({ repos: deps.storage.repos, pbxs: pbxIds, fallback: pbxIds[0]! }),
    }),
    amiActions: remoteAmiUpstream({ nc, local: (pbx) => conns.get(pbx), timeoutMs: c.commandTimeoutMs }),
    onQueueSettingsChanged: async () => {
      await Promise.all([...owned.values()].map((o) => o.part.queueInfos.reload()));
    },
  };

  return {
    nodeId,
    bus,
    upstream,
    identity,
    /** Joins: heartbeat first (so ownership spreads), then the lease rounds. */
    async start() {
      await members.start();
      leases.start();
      deps.onStop(async () => {
        await leases.close();
        await members.close();
      });
      await state.refreshAll();
    },
    status,
  };
}

export type ClusterPart = Awaited<ReturnType<typeof wireCluster>>;
