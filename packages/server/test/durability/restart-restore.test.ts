import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CtiServer, createServer } from '../../src/app/create-server.ts';
import { loadConfig } from '../../src/config/index.ts';
import { type DemoPbx, startDemoPbx } from '../../src/demo/demo-pbx.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { PG_URL, dropSchema } from '../persistence/test-database.ts';
import { actionsNamed, header, membersOf, sentActions, waitFor } from '../workflow/helpers.ts';

/** A CTI server on an external simulated Asterisk, so the PBX outlives the server. */
async function startCti(sim: DemoPbx, dataDir: string, database: Record<string, unknown>) {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({
    env: {},
    overrides: {
      dataDir,
      database,
      http: { host: '127.0.0.1', port: 0 },
      pbxs: [{ id: 'main', host: '127.0.0.1', port: sim.sim.port, username: sim.username, secret: sim.secret, authType: 'md5' }],
      wrapup: { seconds: 30, mode: 'manual' },
      log: { level: 'info' },
    },
  });
  const server = await createServer(config, { logger: pino({ level: 'info' }, sink) });
  return { server, logs };
}

const reapplied = (logs: Array<Record<string, unknown>>) => logs.filter((l) => l.msg === 'agent memberships re-applied');

for (const driver of ['sqlite', 'postgres'] as const) {
  describe(`a restart of the CTI server restores every agent's pause, reason and queue choices (${driver})`, () => {
    let sim: DemoPbx;
    let dataDir: string;
    const schema = `amiable_t_${randomBytes(6).toString('hex')}`;
    const database = driver === 'sqlite' ? { driver } : { driver, url: PG_URL, schema };
    const servers: CtiServer[] = [];
    beforeAll(async () => {
      sim = await startDemoPbx(7);
      dataDir = mkdtempSync(join(tmpdir(), 'amiable-restart-'));
    });
    afterAll(async () => {
      for (const s of servers) await s.stop().catch(() => undefined);
      await sim?.sim.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (driver === 'postgres') await dropSchema(schema);
    });

    it('alice stays at lunch, bilal stays out of the queue he left, chloe stays in wrap-up; nothing is re-sent', async () => {
      const first = await startCti(sim, dataDir, database);
      servers.push(first.server);
      await seedDemo(first.server.repos, 'main');
      await waitFor('PBX ready', () => first.server.pbxs.get('main')!.isReady());
      const id = async (u: string) => (await first.server.repos.users.getByUsername(u))!.id;
      const [alice, bilal, chloe] = [await id('alice'), await id('bilal'), await id('chloe')];
      for (const a of [alice, bilal, chloe]) await first.server.agents.signIn(a, {});
      await first.server.agents.pause(alice, 'lunch');
      await first.server.agents.leaveQueue(bilal, 'lang-ar');
      // lang-fr requires a disposition: chloe owes one after her call, and a restart keeps the debt.
      await first.server.repos.dispositions.set('main', 'lang-fr', { required: true, codes: [{ code: 'resolved', label: 'Résolu' }] });
      sim.sim.setPhone('1001', { mode: 'noanswer' });
      sim.sim.setPhone('1003', { mode: 'answer', answerAfterMs: 100 });
      sim.sim.placeCall({ queue: 'lang-fr', callerNumber: '+33612345678', callerName: 'Pierre Martin', talkMs: 200 });
      await waitFor('chloe in wrap-up', () => first.server.agents.get(chloe)?.state === 'wrap-up');
      await first.server.agents.pauseAfterCall(bilal, true, 'lunch');

      const expected = {
        'PJSIP/1001': ['lang-en:0:paused:lunch', 'lang-fr:2:paused:lunch', 'support:1:paused:lunch'],
        'PJSIP/1002': ['lang-en:1:ready:'],
        'PJSIP/1003': ['lang-en:2:paused:wrap-up', 'lang-fr:0:paused:wrap-up', 'sales:1:paused:wrap-up'],
      };
      for (const [iface, members] of Object.entries(expected)) expect(membersOf(sim.sim, iface)).toEqual(members);
      const before = new Map([alice, bilal, chloe].map((a) => [a, first.server.agents.get(a)]));
      await first.server.stop();

      // Same data dir, same database; Asterisk kept its members.
      const second = await startCti(sim, dataDir, database);
      servers.push(second.server);
      const sentBefore = sentActions(sim.sim).length;
      await waitFor('re-apply done', () => reapplied(second.logs).length === 1);
      expect(reapplied(second.logs)[0]).toMatchObject({ changes: 0 });
      for (const a of [alice, bilal, chloe]) {
        const was = before.get(a)!;
        expect(second.server.agents.get(a)).toMatchObject({
          state: was.state,
          reason: was.reason,
          since: was.since,
          pauseAfterCall: was.pauseAfterCall,
          sessionId: was.sessionId,
          queues: was.queues,
        });
      }
      expect(second.server.agents.get(alice)).toMatchObject({ state: 'paused', reason: 'lunch' });
      expect(second.server.agents.get(bilal)!.queues.map((q) => q.queue)).toEqual(['lang-en']);
      expect(second.server.agents.get(chloe)).toMatchObject({ state: 'wrap-up', dispositionDue: before.get(chloe)!.dispositionDue });
      expect(before.get(chloe)!.dispositionDue).toMatchObject({ queue: 'lang-fr' });
      await expect(second.server.agents.ready(chloe)).rejects.toMatchObject({ code: 'CTI_ERR_DISPOSITION_REQUIRED' });
      for (const [iface, members] of Object.entries(expected)) expect(membersOf(sim.sim, iface)).toEqual(members);
      const sent = sentActions(sim.sim).slice(sentBefore);
      expect(actionsNamed(sent, 'QueuePause')).toEqual([]);
      expect(actionsNamed(sent, 'QueueAdd')).toEqual([]);

      // Then Asterisk restarts: the restored state is what comes back, not a reset.
      sim.sim.restart();
      await waitFor('memberships re-applied after the Asterisk restart', () => sim.sim.snapshot().members.length === 7);
      for (const [iface, members] of Object.entries(expected)) expect(membersOf(sim.sim, iface)).toEqual(members);
      const adds = actionsNamed(sentActions(sim.sim).slice(sentBefore), 'QueueAdd');
      expect(adds.map((a) => header(a, 'Queue')).filter((q) => q === 'lang-ar')).toEqual([]);

      // Signing out forgets the saved state: a third start has nobody to restore.
      for (const a of [alice, bilal, chloe]) await second.server.agents.signOut(a);
      await second.server.stop();
      const third = await startCti(sim, dataDir, database);
      servers.push(third.server);
      expect(third.server.agents.list()).toEqual([]);
      await third.server.stop();
    });
  });
}
