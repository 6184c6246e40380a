// What the cluster benchmarks share: a private PostgreSQL schema, a private NATS cluster, CTI
// nodes as child processes (started as `npm start` starts them), and a node's CPU time.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../packages/server/src/persistence/database.ts';
import { migrateToLatest } from '../../packages/server/src/persistence/migrations/index.ts';
import { createRepositories, type Repositories } from '../../packages/server/src/persistence/repositories/index.ts';
import { type ClusterNode, type NodeSpec, startClusterNode } from '../../packages/server/test/support/cluster-nodes.ts';

export { freePort, startNatsCluster, type NatsCluster } from '../../packages/server/test/support/nats-cluster.ts';
export type { ClusterNode };

export const BENCH_PG_URL = process.env.AMIABLE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchSchema {
  pgSchema: string;
  handle: DatabaseHandle;
  repos: Repositories;
  drop(): Promise<void>;
}

/** A fresh schema in the PostgreSQL every node of the benchmark shares, migrated. */
export async function benchSchema(prefix: string): Promise<BenchSchema> {
  const pgSchema = `amiable_${prefix}_${randomBytes(5).toString('hex')}`;
  const handle = await createDatabase({ driver: 'postgres', url: BENCH_PG_URL, schema: pgSchema, poolSize: 4 });
  await migrateToLatest(handle);
  return {
    pgSchema,
    handle,
    repos: createRepositories({ db: handle.db, dialect: handle.dialect }),
    async drop() {
      await handle.close();
      const client = new pg.Client({ connectionString: BENCH_PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      await client.end();
    },
  };
}

/** Settings every benchmark node gets: quiet logs, and no login limits (all clients log in from one host). */
export function benchNodeSpec(spec: NodeSpec): NodeSpec {
  return { ...spec, overrides: { log: { level: 'warn' }, auth: { tokenSecret: spec.tokenSecret, loginAttemptsPerMinute: 1_000_000 }, ...spec.overrides } };
}

export const startBenchNode = (spec: NodeSpec) => startClusterNode(benchNodeSpec(spec));

/** User plus system CPU time of a process so far, in milliseconds (Linux /proc). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The node that owns `pbx` with its AMI connection ready. */
export async function readyOwner(nodes: ClusterNode[], pbx: string, timeoutMs = 30_000): Promise<ClusterNode> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const n of nodes) {
      if (n.exitCode !== null) continue;
      const h = await n.health().catch(() => undefined);
      const ready = h?.pbx.some((p) => p.pbx === pbx && p.state === 'ready');
      if (ready && (!h?.node || h.node.owned.some((o) => o.pbx === pbx))) return n;
    }
    if (Date.now() > until) throw new Error(`no node has ${pbx} ready`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function loginToken(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function runCommand(url: string, token: string, name: string, args: Record<string, unknown> = {}): Promise<void> {
  const res = await fetch(`${url}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
}
