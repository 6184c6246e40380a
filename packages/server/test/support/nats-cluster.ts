import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER = process.env.AMIABLE_TEST_NATS_SERVER ?? '/usr/sbin/nats-server';

/** A free loopback TCP port (never the shared 4222). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    if (port !== 4222) return port;
  }
}

export interface NatsCluster {
  /** Client URL of each server. */
  urls: string[];
  /** All client URLs, comma-separated (what `AMIABLE_NATS_URL` takes). */
  url: string;
  stop(): Promise<void>;
}

/**
 * A private NATS cluster with JetStream, `size` servers on spare loopback ports, its data in a
 * temporary directory. Resolves once every server accepts clients and the cluster has a
 * JetStream meta leader.
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'amiable-nats-'));
  const client = await Promise.all(Array.from({ length: size }, freePort));
  const routes = await Promise.all(Array.from({ length: size }, freePort));
  const procs: ChildProcess[] = [];
  let stopping = false;
  for (let i = 0; i < size; i++) {
    const conf = join(dir, `n${i}.conf`);
    writeFileSync(
      conf,
      [
        `server_name: n${i}`,
        `listen: 127.0.0.1:${client[i]}`,
        `jetstream { store_dir: "${join(dir, `js${i}`)}", max_memory_store: 64MB, max_file_store: 1GB }`,
        ...(size > 1
          ? [`cluster { name: amiable_test, listen: 127.0.0.1:${routes[i]}, routes: [${routes.map((p) => `nats-route://127.0.0.1:${p}`).join(', ')}] }`]
          : []),
      ].join('\n'),
    );
    const p = spawn(NATS_SERVER, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr?.on('data', (d) => {
      err = (err + String(d)).slice(-4000);
    });
    p.on('exit', (code) => {
      if (!stopping && code && code !== 0) process.stderr.write(`nats-server n${i} exited ${code}: ${err}\n`);
    });
    procs.push(p);
  }
  const urls = client.map((p) => `nats://127.0.0.1:${p}`);
  await waitForJetStream(urls);
  return {
    urls,
    url: urls.join(','),
    async stop() {
      stopping = true;
      await Promise.all(
        procs.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForJetStream(urls: string[]): Promise<void> {
  const { connect } = await import('nats');
  const deadline = Date.now() + 30_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const nc = await connect({ servers: urls, timeout: 1000 });
      try {
        const jsm = await nc.jetstreamManager({ timeout: 2000 });
        await jsm.getAccountInfo();
        return;
      } finally {
        await nc.close();
      }
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`NATS cluster did not get JetStream ready: ${(last as Error)?.message}`);
}
