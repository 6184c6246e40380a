// The configuration every server-side benchmark starts its CTI server with: a fresh data dir,
// silent logs, no login limits (a bench logs in many clients at once), and one PBX.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../packages/server/src/config/index.ts';

export interface BenchPbx {
  port: number;
  secret: string;
  authType: 'plain' | 'md5';
}

export interface BenchServerConfig {
  dataDir: string;
  config: ReturnType<typeof loadConfig>;
}

export function benchServerConfig(prefix: string, pbx: BenchPbx, options: { amiPort?: boolean } = {}): BenchServerConfig {
  const dataDir = mkdtempSync(join(tmpdir(), `amiable-${prefix}-`));
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir,
      http: { host: '127.0.0.1', port: 0 },
      log: { level: 'silent' },
      auth: { loginAttemptsPerMinute: 1_000_000 },
      // Every client logs in from this one host, many at a time.
      ...(options.amiPort ? { amiPort: { enabled: true, host: '127.0.0.1', port: 0, maxUnauthenticatedPerIp: 1000 } } : {}),
      pbxs: [
        {
          id: 'main',
          host: '127.0.0.1',
          port: pbx.port,
          username: 'cti',
          secret: pbx.secret,
          authType: pbx.authType,
          context: 'internal',
          deviceTech: 'PJSIP',
          outboundPrefix: '',
        },
      ],
    },
  });
  return { dataDir, config };
}
