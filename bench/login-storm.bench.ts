/**
 * auth.login_storm: a whole call centre connecting at once. 1,000 AMI-port logins of one
 * integration account, and 1,000 WebSocket clients of distinct agents resuming with their
 * tokens after a restart of the CTI server, each against distinct first-time password
 * logins (a full argon2 check each) measured in the same run. See bench/README.md.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createServer } from '../packages/server/src/app/create-server.ts';
import { hashPassword } from '../packages/server/src/identity/index.ts';
import { startFanoutClients } from './lib/ws-fanout-process.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { round } from './lib/stats.ts';
import { AmiClients } from './support/ami-clients.ts';
import { PacedSource } from './support/paced-source.ts';
import { TRACES_DIR } from './lib/trace.ts';
import { benchServerConfig } from './support/bench-server-config.ts';

const PASSWORD = 'storm-password';

async function restLogin(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const bench: BenchModule = {
  name: 'auth.login_storm',
  async run({ quick, log }) {
    const n = quick ? 200 : 1000;
    const firstTime = quick ? 10 : 30;
    const source = new PacedSource();
    await source.listen(join(TRACES_DIR, 'busy-center'));
    const { dataDir, config } = benchServerConfig('storm', { port: source.port, secret: 'bench', authType: 'plain' }, { amiPort: true });
    let server = await createServer(config, { logger: pino({ level: 'silent' }) });
    const ami = new AmiClients(4);
    const ws = startFanoutClients();
    const results: BenchResult[] = [];
    try {
      // The measured logins use hashes with the production argon2 costs (64 MiB, 3 passes).
      log(`creating ${n + firstTime + 1} accounts`);
      const hash = await hashPassword(PASSWORD);
      await server.repos.users.create({ username: 'integration', displayName: 'CRM connector', role: 'admin', passwordHash: hash });
      // The agents' own sign-in (to obtain tokens) is not what is measured: their hashes may be cheap.
      const agentHash = await hashPassword(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
      const agents: string[] = [];
      for (let i = 0; i < n; i++) {
        const user = await server.repos.users.create({ username: `agent${i}`, displayName: `Agent ${i}`, role: 'agent', passwordHash: agentHash });
        agents.push(user.username);
      }
      const fresh: string[] = [];
      for (let i = 0; i < firstTime; i++) {
        fresh.push((await server.repos.users.create({ username: `fresh${i}`, displayName: `Fresh ${i}`, role: 'admin', passwordHash: hash })).username);
      }

      // Baseline: distinct accounts logging in for the first time, one full argon2 check each.
      const load0 = loadavg()[0] ?? 0;
      const f0 = Date.now();
      await Promise.all(fresh.map((u) => restLogin(server.url, u)));
      const perFirstLoginMs = (Date.now() - f0) / firstTime;
      log(`${firstTime} first-time logins: ${round(perFirstLoginMs, 1)} ms each`);

      // AMI port: n logins of one account, at most 40 waiting to log in at once.
      const amiPort = server.amiPort!;
      const amiMs = await ami.open({ host: '127.0.0.1', port: amiPort.port, username: 'integration', secret: PASSWORD, total: n, batch: 40 });
      log(`${n} AMI-port logins of one account: ${amiMs} ms`);
      await ami.close();

      // WebSocket: n distinct agents sign in, the server restarts, they all resume with their tokens.
      const tokens: string[] = [];
      for (let i = 0; i < agents.length; i += 50) tokens.push(...(await Promise.all(agents.slice(i, i + 50).map((u) => restLogin(server.url, u)))));
      await server.stop();
      server = await createServer(config, { logger: pino({ level: 'silent' }) });
      const w0 = Date.now();
      const ready = await ws.request({ type: 'ws', url: `${server.url.replace('http', 'ws')}/api/ws`, tokens }, 'ready');
      const wsMs = Date.now() - w0;
      if (ready.connected !== n) throw new Error(`${ready.connected} of ${n} WebSocket clients resumed`);
      log(`${n} WebSocket resumes after a restart: ${wsMs} ms`);
      const load = round((load0 + (loadavg()[0] ?? 0)) / 2, 2);
      const baselineMs = perFirstLoginMs * n;
      const extra = { logins: n, first_time_logins_measured: firstTime, first_time_login_ms: round(perFirstLoginMs, 1), loadavg_1m: load };
      results.push(
        {
          bench: 'auth.login_storm',
          metric: 'ami_port_logins_ms',
          value: amiMs,
          unit: 'ms',
          baseline: `${n} first-time argon2 logins (${firstTime} measured, scaled)`,
          baseline_value: round(baselineMs),
          ratio: ratioOf(amiMs, baselineMs),
          target: `${n} logins <= 5000 ms`,
          pass: amiMs <= 5000,
          extra: { ...extra, accounts: 1 },
        },
        {
          bench: 'auth.login_storm',
          metric: 'ws_resume_after_restart_ms',
          value: wsMs,
          unit: 'ms',
          baseline: `${n} first-time argon2 logins (${firstTime} measured, scaled)`,
          baseline_value: round(baselineMs),
          ratio: ratioOf(wsMs, baselineMs),
          target: `${n} logins <= 5000 ms`,
          pass: wsMs <= 5000,
          extra: { ...extra, accounts: n },
        },
      );
      await ws.request({ type: 'close' }, 'closed');
      return results;
    } finally {
      await ami.stop();
      await ws.stop();
      await server.stop();
      await source.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
