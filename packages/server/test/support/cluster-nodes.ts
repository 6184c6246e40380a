import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Health } from '@amiable/protocol';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MAIN = join(ROOT, 'packages/server/src/main.ts');

export interface NodeSpec {
  nodeId: string;
  /** Without it, the node runs alone (single-node mode, in-process bus). */
  natsUrl?: string;
  pgUrl: string;
  pgSchema: string;
  pbxs: Array<{ id: string; port: number }>;
  tokenSecret: string;
  leaseTtlMs?: number;
  replicas?: number;
  /** More settings, merged over the defaults (e.g. a benchmark's login limits and log level). */
  overrides?: Record<string, unknown>;
  /** The AMI-compatible port's TCP port (disabled without). */
  amiPort?: number;
}

export interface ClusterNode {
  readonly nodeId: string;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** The AMI-compatible port, when the spec enabled it. */
  readonly amiPort: number | undefined;
  /** null while the process runs. */
  readonly exitCode: number | null;
  health(): Promise<Health>;
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM and wait for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** One CTI node as a child process (`npm start` with a config file), so a test or a benchmark can kill -9 or SIGSTOP it. */
export async function startClusterNode(spec: NodeSpec): Promise<ClusterNode> {
  const dir = mkdtempSync(join(tmpdir(), `amiable-node-${spec.nodeId}-`));
  const configFile = join(dir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      dataDir: dir,
      http: { host: '127.0.0.1', port: 0 },
      database: { driver: 'postgres', url: spec.pgUrl, schema: spec.pgSchema },
      pbxs: spec.pbxs.map((p) => ({ id: p.id, host: '127.0.0.1', port: p.port, username: 'cti', secret: 'ctisecret', authType: 'md5' })),
      auth: { tokenSecret: spec.tokenSecret },
      ...(spec.natsUrl ? { cluster: { natsUrl: spec.natsUrl, nodeId: spec.nodeId, leaseTtlMs: spec.leaseTtlMs ?? 2000, replicas: spec.replicas ?? 3 } } : {}),
      wrapup: { seconds: 0 },
      ...(spec.amiPort ? { amiPort: { enabled: true, host: '127.0.0.1', port: spec.amiPort } } : {}),
      log: { level: 'info' },
      ...spec.overrides,
    }),
  );
  const logFile = join(dir, 'node.log');
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, AMIABLE_CONFIG: configFile, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.pipe(out);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`node ${spec.nodeId} did not start; log: ${logFile}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out.write(d);
      buf += String(d);
      const m = /listening on (\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
        buf = '';
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`node ${spec.nodeId} exited with ${code}: ${readFileSync(logFile, 'utf8').slice(-2000)}`));
    });
  });
  return {
    nodeId: spec.nodeId,
    url,
    pid: child.pid!,
    logFile,
    amiPort: spec.amiPort,
    get exitCode() {
      return child.exitCode ?? (child.signalCode ? -1 : null);
    },
    async health() {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
      return (await res.json()) as Health;
    },
    signal: (sig) => void child.kill(sig),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      out.end();
      if (!process.env.AMIABLE_KEEP_NODE_LOGS) rmSync(dir, { recursive: true, force: true });
    },
    exited,
  };
}
