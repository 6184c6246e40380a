import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';
import { comparable, independentSnapshot, reconnected } from './snapshot-session.ts';

describe('resync after the AMI connection drops while calls are up (simulated PBX)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 0, mode: 'timeout' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('rebuilds channels, calls and queue members equal to a fresh snapshot after a network cut during a talking call', async () => {
    const sim = server.demo!.sim;
    const conn = server.pbxs.get('main')!;
    const alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });

    // Jane talks to alice (no talk limit: the call stays up); a second caller waits in lang-ar, where nobody is signed in.
    const jane = sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    const waiting = sim.placeCall({ queue: 'lang-ar', callerNumber: '+966501234567', callerName: 'Layla Haddad' });
    await waitFor('jane bridged to alice', () => {
      const m = conn.model;
      return [...m.channels.values()].some((c) => c.extension === '1001' && c.state === 6 && c.bridgeId !== null) &&
        m.queues.get('lang-ar')?.callers.has(waiting.uniqueid);
    });
    const janeCall = conn.model.calls.get(jane.uniqueid)!;
    expect(janeCall.facts).toMatchObject({ callerNumber: '+15551234567', queues: ['lang-en'], answeredBy: '1001' });
    const answeredAt = janeCall.facts.answeredAt;

    // The network cut; meanwhile the waiting caller gives up and a French caller joins lang-fr (alice is busy there).
    const connectionId = conn.client.connectionId;
    sim.dropConnections();
    waiting.hangup();
    const french = sim.placeCall({ queue: 'lang-fr', callerNumber: '+33612345678', callerName: 'Pierre Martin' });
    await reconnected(conn, connectionId);
    await waitFor('the French caller in lang-fr', () => conn.model.queues.get('lang-fr')?.callers.has(french.uniqueid));

    const live = comparable(conn.model);
    const fresh = comparable(await independentSnapshot(sim, server.demo!.username, server.demo!.secret));
    expect(live.channels).toEqual(fresh.channels);
    expect(live.calls).toEqual(fresh.calls);
    expect(live.members).toEqual(fresh.members);
    expect(live.callers).toEqual(fresh.callers);
    expect(live.bridges).toEqual(fresh.bridges);

    // Jane's Local pair and alice's leg, the French caller's Local pair; one bridge.
    expect(live.channels).toHaveLength(5);
    expect(live.calls.map((c) => c.linkedid).sort()).toEqual([french.uniqueid, jane.uniqueid].sort());
    expect(live.bridges).toHaveLength(1);
    // And both match the PBX itself.
    expect(live.channels.map((c) => c.uniqueid).sort()).toEqual(sim.snapshot().channels.map((c) => c.uniqueid).sort());
    expect(conn.model.calls.has(waiting.uniqueid)).toBe(false);
    expect(conn.model.queues.get('lang-ar')!.callers.size).toBe(0);
    expect(live.members).toContain('lang-en PJSIP/1001 penalty=0 paused=false reason= inCall=true');
    // What the live model knew about Jane's call survives the resync.
    expect(conn.model.calls.get(jane.uniqueid)!.facts).toMatchObject({
      callerNumber: '+15551234567',
      queues: ['lang-en'],
      answeredBy: '1001',
      answeredAt,
    });
    // The agent stays signed in and in her queues.
    expect(server.agents.get(alice)).toMatchObject({ state: 'ready', extension: '1001' });

    jane.hangup();
    french.hangup();
  });
});
