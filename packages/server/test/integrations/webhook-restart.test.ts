import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CtiServer, createServer } from '../../src/app/create-server.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { verifySignature } from '../../src/integrations/webhooks/signature.ts';
import { dropSchema, PG_URL } from '../persistence/test-database.ts';
import { waitFor } from '../workflow/helpers.ts';
import { adminApi } from './support/admin-api.ts';
import { type Receiver, startReceiver } from './support/receiver.ts';

/** A CTI server on an external simulated Asterisk, so that the PBX and the database outlive it. */
async function startCti(sim: DemoPbx, dataDir: string, database: Record<string, unknown>): Promise<CtiServer> {
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir,
      database,
      http: { host: '127.0.0.1', port: 0 },
      pbxs: [{ id: 'main', host: '127.0.0.1', port: sim.sim.port, username: sim.username, secret: sim.secret, authType: 'md5' }],
      wrapup: { seconds: 0, mode: 'timeout' },
      webhooks: { allowPrivateAddresses: true, backoffBaseMs: 20, backoffMaxMs: 100, pollIntervalMs: 20, maxAttempts: 50 },
      log: { level: 'silent' },
    },
  });
  return createServer(config, { logger: pino({ level: 'silent' }) });
}

for (const driver of ['sqlite', 'postgres'] as const) {
  describe(`webhooks: a pending delivery survives a restart of the CTI server and is delivered after it (${driver})`, () => {
    let sim: DemoPbx;
    let dataDir: string;
    let receiver: Receiver;
    const schema = `amiable_t_${randomBytes(6).toString('hex')}`;
    const database = driver === 'sqlite' ? { driver } : { driver, url: PG_URL, schema };
    const servers: CtiServer[] = [];
    beforeAll(async () => {
      sim = await startDemoPbx(7);
      dataDir = mkdtempSync(join(tmpdir(), 'amiable-webhooks-'));
    });
    afterAll(async () => {
      for (const s of servers) await s.stop().catch(() => undefined);
      await receiver?.close();
      await sim?.sim.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (driver === 'postgres') await dropSchema(schema);
    });

    it('the ringing event a receiver refused with 503 before the restart reaches it, signed, once it answers 200 after the restart', async () => {
      let up = false;
      receiver = await startReceiver({ answer: () => (up ? 200 : 503) });

      const first = await startCti(sim, dataDir, database);
      servers.push(first);
      await seedDemo(first.repos, 'main');
      await waitFor('PBX ready', () => first.pbxs.get('main')!.isReady());
      const api = await adminApi(first.url);
      const crm = await api.integration('crm', ['support'], receiver.url, ['call.ringing']);
      const alice = (await first.repos.users.getByUsername('alice'))!.id;
      await first.agents.signIn(alice, { extension: '1001' });
      sim.sim.setPhone('1001', { mode: 'noanswer' });
      sim.sim.placeCall({ queue: 'support', callerNumber: '+442079460018', patienceMs: 500 });
      await waitFor('the receiver refused the ringing event', () => receiver.received.some((r) => r.body.type === 'call.ringing'));
      const refused = receiver.received.find((r) => r.body.type === 'call.ringing')!;
      const before = (await api.deliveries(crm.subscriptionId)).find((d) => d.id === refused.body.id)!;
      expect(before).toMatchObject({ status: 'pending', responseCode: 503, lastError: 'HTTP 503' });
      await first.stop();

      up = true;
      const second = await startCti(sim, dataDir, database);
      servers.push(second);
      await waitFor('delivered after the restart', () => receiver.received.some((r) => r.body.id === refused.body.id && r.answered === 200));
      const delivered = receiver.received.find((r) => r.body.id === refused.body.id && r.answered === 200)!;
      expect(delivered.raw).toBe(refused.raw);
      expect(verifySignature(crm.secret, String(delivered.headers['amiable-signature']), delivered.raw, Math.floor(Date.now() / 1000))).toBe(true);
      // Attempts counted before the restart carry on (an attempt cut short by the stop is not counted).
      const attempt = Number(delivered.headers['amiable-attempt']);
      expect(attempt).toBeGreaterThanOrEqual(2);
      const after = await (await adminApi(second.url)).deliveries(crm.subscriptionId);
      expect(after.find((d) => d.id === refused.body.id)).toMatchObject({ status: 'delivered', responseCode: 200, attempts: attempt });
    });
  });
}
