import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { actionsNamed, header, sentActions, userId, waitFor } from './helpers.ts';

const ALICE_QUEUES = ['lang-en', 'lang-fr', 'support'];

/** A queue call to alice that she answers quickly and that the customer ends after a short talk. */
function shortCallToAlice(server: TestServer, callerNumber: string): void {
  const sim = server.demo!.sim;
  sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
  sim.placeCall({ queue: 'lang-en', callerNumber, callerName: 'Jane Customer', talkMs: 300 });
}

function pausedIn(reason: string): string[] {
  return ALICE_QUEUES.map((q) => `${q}:${reason}`);
}

function simPauses(server: TestServer): string[] {
  return server.demo!.sim
    .snapshot()
    .members.filter((m) => m.interface === 'PJSIP/1001')
    .map((m) => `${m.queue}:${m.paused ? m.pausedReason : 'ready'}`)
    .sort();
}

describe('wrap-up after a queue call, with Ready pressed by the agent (manual mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 30, mode: 'manual' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('pauses alice in every queue with reason wrap-up when her lang-en call ends, and Ready unpauses them all', async () => {
    const alice = await userId(server, 'alice');
    const sim = server.demo!.sim;
    await server.agents.signIn(alice, {});
    expect(simPauses(server)).toEqual(ALICE_QUEUES.map((q) => `${q}:ready`));
    const before = sentActions(sim).length;

    shortCallToAlice(server, '+15551234567');

    await waitFor('alice in wrap-up', () => server.agents.get(alice)?.state === 'wrap-up');
    expect(server.agents.get(alice)).toMatchObject({ state: 'wrap-up', reason: 'wrap-up', wrapupEndsAt: null });
    expect(simPauses(server)).toEqual(pausedIn('wrap-up'));
    // One QueuePause for all her queues (no Queue header), with the wrap-up reason.
    const pauses = actionsNamed(sentActions(sim, before), 'QueuePause');
    expect(pauses).toHaveLength(1);
    expect(header(pauses[0]!, 'Queue')).toBeUndefined();
    expect(header(pauses[0]!, 'Interface')).toBe('PJSIP/1001');
    expect(header(pauses[0]!, 'Paused')).toMatch(/^(true|1|yes)$/i);
    expect(header(pauses[0]!, 'Reason')).toBe('wrap-up');
    // The live model saw Asterisk's QueueMemberPause events.
    const model = server.pbxs.get('main')!.model;
    for (const q of ALICE_QUEUES) expect(model.queues.get(q)!.members.get('PJSIP/1001')).toMatchObject({ paused: true, pausedReason: 'wrap-up' });

    const mark = sentActions(sim).length;
    const ready = await server.agents.endWrapup(alice);
    expect(ready).toMatchObject({ state: 'ready', reason: null });
    expect(simPauses(server)).toEqual(ALICE_QUEUES.map((q) => `${q}:ready`));
    const unpause = actionsNamed(sentActions(sim, mark), 'QueuePause');
    expect(unpause).toHaveLength(1);
    expect(header(unpause[0]!, 'Paused')).toMatch(/^(false|0|no)$/i);
    expect(header(unpause[0]!, 'Reason')).toBeUndefined();

    // The timesheet is written asynchronously (in order, through durable storage): let it land.
    await server.storage.drained(5000);
    const intervals = await server.repos.timesheet.listIntervals({ agentId: alice });
    expect(intervals.map((i) => i.state)).toEqual(expect.arrayContaining(['ready', 'wrap-up']));
    expect(intervals.find((i) => i.state === 'wrap-up')).toMatchObject({ reason: 'wrap-up' });
    expect(intervals.find((i) => i.state === 'wrap-up')!.to).not.toBeNull();
  });

  it('pauses alice with her pause-after-call reason instead of wrap-up, and keeps her paused', async () => {
    const alice = await userId(server, 'alice');
    const armed = await server.agents.pauseAfterCall(alice, true, 'lunch');
    expect(armed.pauseAfterCall).toBe('lunch');
    expect(simPauses(server)).toEqual(ALICE_QUEUES.map((q) => `${q}:ready`)); // nothing changes until the call ends

    shortCallToAlice(server, '+15552345678');

    await waitFor('alice paused after the call', () => server.agents.get(alice)?.state === 'paused');
    expect(server.agents.get(alice)).toMatchObject({ state: 'paused', reason: 'lunch', pauseAfterCall: null });
    expect(simPauses(server)).toEqual(pausedIn('lunch'));
    // A pause is not a wrap-up: no timer brings her back.
    await new Promise((r) => setTimeout(r, 300));
    expect(server.agents.get(alice)?.state).toBe('paused');
    await expect(server.agents.endWrapup(alice)).rejects.toMatchObject({ code: 'CTI_ERR_NOT_IN_WRAPUP' });
    await server.agents.ready(alice);
    expect(simPauses(server)).toEqual(ALICE_QUEUES.map((q) => `${q}:ready`));
  });

  it('uses the after-call reason when pause after call is armed without one', async () => {
    const alice = await userId(server, 'alice');
    await server.agents.pauseAfterCall(alice, true);
    shortCallToAlice(server, '+15553456789');
    await waitFor('alice paused after the call', () => server.agents.get(alice)?.state === 'paused');
    expect(server.agents.get(alice)).toMatchObject({ reason: 'after-call' });
    expect(simPauses(server)).toEqual(pausedIn('after-call'));
    await server.agents.ready(alice);
  });
});

describe('wrap-up that ends by itself (timeout mode)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 1, mode: 'timeout' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('returns alice to ready in every queue when her one-second wrap-up runs out', async () => {
    const alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});

    shortCallToAlice(server, '+15551234567');

    const wrapping = await waitFor('alice in wrap-up', () => {
      const a = server.agents.get(alice);
      return a?.state === 'wrap-up' ? a : undefined;
    });
    expect(wrapping.wrapupEndsAt).not.toBeNull();
    expect(wrapping.wrapupEndsAt! - wrapping.since).toBe(1000);
    expect(simPauses(server)).toEqual(pausedIn('wrap-up'));

    // Nobody presses Ready.
    await waitFor('alice ready again', () => server.agents.get(alice)?.state === 'ready');
    await waitFor('alice unpaused in Asterisk', () => simPauses(server).every((m) => m.endsWith(':ready')));
    expect(simPauses(server)).toEqual(ALICE_QUEUES.map((q) => `${q}:ready`));
    expect(server.agents.get(alice)).toMatchObject({ reason: null, wrapupEndsAt: null });
  });
});
