import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type CtiServer, createServer } from '../../src/app/create-server.ts';
import { loadConfig } from '../../src/config/index.ts';

export interface TestServer extends CtiServer {
  dataDir: string;
  /** Published events whose payload broke the catalogue schema (each `type: problems`). */
  invalidEvents: readonly string[];
  close(): Promise<void>;
}

/**
 * A whole CTI server for end-to-end tests: demo mode (simulated PBX + seeded call
 * centre), an ephemeral HTTP port, a temporary SQLite database, no background
 * traffic and no automatic agent sign-in unless asked.
 */
export async function startTestServer(overrides: Record<string, unknown> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amiable-test-'));
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir,
      http: { host: '127.0.0.1', port: 0 },
      demo: { callsPerMinute: 0, autoSignIn: false },
      log: { level: 'silent' },
      ...overrides,
    },
  });
  // Every event the server publishes is checked against its catalogue schema; close() fails on any.
  const invalid: string[] = [];
  const server = await createServer(config, {
    logger: pino({ level: 'silent' }),
    invalidEvent: (event, problems) => invalid.push(`${event.type}: ${problems.join('; ')}`),
  });
  return Object.assign(server, {
    dataDir,
    invalidEvents: invalid,
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (invalid.length > 0) throw new Error(`events that break the catalogue schema:\n${invalid.slice(0, 10).join('\n')}`);
    },
  });
}
