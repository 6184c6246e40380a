import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { membersOf, userId, waitFor } from '../workflow/helpers.ts';
import { comparable, independentSnapshot, reconnected } from './snapshot-session.ts';

describe('resync after the simulated Asterisk restarts with agents signed in', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Manual wrap-up so chloe is still in wrap-up when Asterisk restarts.
    server = await startTestServer({ wrapup: { seconds: 30, mode: 'manual' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('re-adds every membership with its pause (bilal at lunch, chloe in wrap-up) and the model shows them', async () => {
    const sim = server.demo!.sim;
    const conn = server.pbxs.get('main')!;
    const [alice, bilal, chloe] = await Promise.all(['alice', 'bilal', 'chloe'].map((u) => userId(server, u)));
    for (const id of [alice!, bilal!, chloe!]) await server.agents.signIn(id, {});
    await server.agents.pause(bilal!, 'lunch');
    // A French call to chloe (the only one in lang-fr besides alice, who is busy) puts her in wrap-up.
    sim.setPhone('1001', { mode: 'noanswer' });
    sim.setPhone('1003', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-fr', callerNumber: '+33612345678', callerName: 'Pierre Martin', talkMs: 200 });
    await waitFor('chloe in wrap-up', () => server.agents.get(chloe!)?.state === 'wrap-up');

    const expected = {
      'PJSIP/1001': ['lang-en:0:ready:', 'lang-fr:2:ready:', 'support:1:ready:'],
      'PJSIP/1002': ['lang-ar:0:paused:lunch', 'lang-en:1:paused:lunch'],
      'PJSIP/1003': ['lang-en:2:paused:wrap-up', 'lang-fr:0:paused:wrap-up', 'sales:1:paused:wrap-up'],
    };
    for (const [iface, members] of Object.entries(expected)) expect(membersOf(sim, iface)).toEqual(members);
    const startupKey = conn.startupKey;
    const connectionId = conn.client.connectionId;

    sim.restart();
    // Asterisk forgot every dynamic member.
    expect(sim.snapshot().members).toEqual([]);

    await reconnected(conn, connectionId);
    expect(conn.startupKey).toBeDefined();
    expect(conn.startupKey).not.toBe(startupKey);
    await waitFor('memberships re-applied', () => sim.snapshot().members.length === 8);
    for (const [iface, members] of Object.entries(expected)) expect(membersOf(sim, iface)).toEqual(members);

    // The live model shows what Asterisk now has.
    await waitFor('the model caught up', () => {
      const m = conn.model;
      return [...m.queues.values()].reduce((n, q) => n + q.members.size, 0) === 8;
    });
    const model = conn.model;
    for (const q of ['lang-ar', 'lang-en']) {
      expect(model.queues.get(q)!.members.get('PJSIP/1002')).toMatchObject({ paused: true, pausedReason: 'lunch' });
    }
    for (const q of ['lang-en', 'lang-fr', 'sales']) {
      expect(model.queues.get(q)!.members.get('PJSIP/1003')).toMatchObject({ paused: true, pausedReason: 'wrap-up' });
    }
    for (const q of ['lang-en', 'lang-fr', 'support']) {
      expect(model.queues.get(q)!.members.get('PJSIP/1001')).toMatchObject({ paused: false });
    }
    expect(comparable(model).members).toEqual(comparable(await independentSnapshot(sim, server.demo!.username, server.demo!.secret)).members);

    // The workflow state is the CTI server's and survives the restart unchanged.
    expect(server.agents.get(alice!)).toMatchObject({ state: 'ready' });
    expect(server.agents.get(bilal!)).toMatchObject({ state: 'paused', reason: 'lunch' });
    expect(server.agents.get(chloe!)).toMatchObject({ state: 'wrap-up', reason: 'wrap-up' });

    // Ready after the restart unpauses chloe everywhere.
    await server.agents.endWrapup(chloe!);
    expect(membersOf(sim, 'PJSIP/1003')).toEqual(['lang-en:2:ready:', 'lang-fr:0:ready:', 'sales:1:ready:']);
  });
});
