import { randomBytes } from 'node:crypto';
import { startSimulatedPbx, type SimulatedPbx } from '@amiable/pbx-sim';
import pg from 'pg';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { createDatabase } from '../../src/persistence/database.ts';
import { migrateToLatest } from '../../src/persistence/migrations/index.ts';
import { createRepositories, type Repositories } from '../../src/persistence/repositories/index.ts';
import type { DatabaseHandle } from '../../src/persistence/database.ts';
import { type ClusterNode, startClusterNode } from '../support/cluster-nodes.ts';
import { freePort, type NatsCluster, startNatsCluster } from '../support/nats-cluster.ts';

export const PG_URL = process.env.AMIABLE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ClusterFixture {
  nats: NatsCluster;
  sims: SimulatedPbx[];
  nodes: ClusterNode[];
  repos: Repositories;
  handle: DatabaseHandle;
  spec: { pgSchema: string; tokenSecret: string; pbxs: Array<{ id: string; port: number }> };
  /** Starts another node (or the same id again) with the fixture's settings. */
  startNode(nodeId: string): Promise<ClusterNode>;
  close(): Promise<void>;
}

/**
 * A 3-server NATS cluster, simulated PBXs, a private PostgreSQL schema seeded with the demo
 * call centre, and CTI nodes as child processes.
 */
export async function startClusterFixture(options: { nodes: number; pbxs: string[]; leaseTtlMs?: number; /** A PostgreSQL of the test's own (default the shared one). */ pgUrl?: string }): Promise<ClusterFixture> {
  const pgSchema = `amiable_c_${randomBytes(6).toString('hex')}`;
  const pgUrl = options.pgUrl ?? PG_URL;
  const handle = await createDatabase({ driver: 'postgres', url: pgUrl, schema: pgSchema, poolSize: 2 });
  await migrateToLatest(handle);
  const repos = createRepositories({ db: handle.db, dialect: handle.dialect });
  for (const id of options.pbxs) await seedDemo(repos, id);
  const sims = await Promise.all(options.pbxs.map(() => startSimulatedPbx({ port: 0 })));
  const nats = await startNatsCluster(3);
  const tokenSecret = randomBytes(32).toString('hex');
  const pbxs = options.pbxs.map((id, i) => ({ id, port: sims[i]!.port }));
  const startNode = (nodeId: string) =>
    freePort().then((amiPort) =>
      startClusterNode({ nodeId, natsUrl: nats.url, pgUrl, pgSchema, pbxs, tokenSecret, leaseTtlMs: options.leaseTtlMs ?? 2000, amiPort }),
    );
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < options.nodes; i++) nodes.push(await startNode(`node-${String.fromCharCode(97 + i)}`));
  return {
    nats,
    sims,
    nodes,
    repos,
    handle,
    spec: { pgSchema, tokenSecret, pbxs },
    startNode,
    async close() {
      await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
      await nats.stop();
      await Promise.all(sims.map((s) => s.close()));
      await handle.close();
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await client.end();
    },
  };
}

/** The node that owns `pbx` with its AMI connection ready, as the nodes' health says. */
export async function ownerOf(nodes: ClusterNode[], pbx: string, timeoutMs = 20_000, exclude: ClusterNode[] = []): Promise<ClusterNode> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const n of nodes) {
      if (exclude.includes(n)) continue;
      const h = await n.health().catch(() => undefined);
      if (h?.node?.owned.some((o) => o.pbx === pbx) && h.pbx.some((p) => p.pbx === pbx && p.state === 'ready')) return n;
    }
    if (Date.now() > until) throw new Error(`no node owns ${pbx}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function login(node: ClusterNode, username: string): Promise<string> {
  const res = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  if (!res.ok) throw new Error(`login ${username} on ${node.nodeId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function command(node: ClusterNode, token: string, name: string, args: Record<string, unknown> = {}) {
  const res = await fetch(`${node.url}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
