import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type CtiServer, createServer } from '../../packages/server/src/app/create-server.ts';
import { loadConfig } from '../../packages/server/src/config/index.ts';

export interface ChaosServer extends CtiServer {
  dataDir: string;
  close(): Promise<void>;
}

/** The real CTI server in demo mode (its simulated Asterisk inside), on an ephemeral port. */
export async function startChaosServer(overrides: Record<string, unknown> = {}, dataDir?: string): Promise<ChaosServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'amiable-chaos-'));
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir: dir,
      http: { host: '127.0.0.1', port: 0 },
      demo: { callsPerMinute: 0, autoSignIn: false },
      log: { level: 'silent' },
      ...overrides,
    },
  });
  const server = await createServer(config, { logger: pino({ level: process.env.CHAOS_LOG ?? 'silent' }) });
  return Object.assign(server, {
    dataDir: dir,
    async close() {
      await server.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  });
}
