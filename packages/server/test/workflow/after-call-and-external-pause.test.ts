import { createAmiClient, createTcpTransport } from '@amiable/ami';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from './helpers.ts';

/** A second AMI application on the same Asterisk, as in the external-queue-pause recording. */
async function otherApplication(server: TestServer) {
  const sim = server.demo!.sim;
  const client = createAmiClient({
    username: server.demo!.username,
    secret: server.demo!.secret,
    auth: 'md5',
    events: 'off',
    keepalive: false,
    reconnect: false,
    transport: () => createTcpTransport({ host: sim.host, port: sim.port }),
  });
  await client.connect();
  return client;
}

describe('the agent state between a queue call and wrap-up', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 30, mode: 'manual' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('goes from on-call straight to wrap-up, with no ready in between, in the events and in the timesheet', async () => {
    const alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    const log = recordEvents(server);
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer', talkMs: 300 });

    await waitFor('alice in wrap-up, confirmed by Asterisk', () => server.agents.get(alice)?.state === 'wrap-up');
    log.stop();
    const states = log.of('agent.state').filter((e) => e.payload.agentId === alice).map((e) => e.payload.state);
    expect(states).toEqual(['ringing', 'on-call', 'wrap-up']);
    const wrapup = log.of('agent.state').find((e) => e.payload.state === 'wrap-up')!;
    expect(wrapup.payload).toMatchObject({ reason: 'wrap-up', previousState: 'on-call', changedBy: 'server' });

    // The timesheet is written asynchronously (in order, through durable storage): let it land.
    await server.storage.drained(5000);
    const intervals = await server.repos.timesheet.listIntervals({ agentId: alice });
    const sequence = intervals.sort((a, b) => a.from - b.from).map((i) => i.state);
    expect(sequence).toEqual(['ready', 'ringing', 'on-call', 'wrap-up']);
    await server.agents.endWrapup(alice);
  });
});

describe('pauses made by another AMI application (external-queue-pause)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 30, mode: 'manual' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("follows Asterisk's QueueMemberPause: paused for lunch and back to ready by the other application, marked external", async () => {
    const alice = await userId(server, 'alice');
    await server.agents.signIn(alice, {});
    const other = await otherApplication(server);
    const log = recordEvents(server);
    try {
      // As recorded: no Queue header, so every queue of the member.
      await other.send({ Action: 'QueuePause', Interface: 'PJSIP/1001', Paused: 'true', Reason: 'lunch' });
      await waitFor('alice paused from outside', () => server.agents.get(alice)?.state === 'paused');
      expect(server.agents.get(alice)).toMatchObject({ state: 'paused', reason: 'lunch', changedBy: 'external' });

      await other.send({ Action: 'QueuePause', Interface: 'PJSIP/1001', Paused: 'false' });
      await waitFor('alice ready from outside', () => server.agents.get(alice)?.state === 'ready');
      expect(server.agents.get(alice)).toMatchObject({ reason: null, changedBy: 'external' });

      const seen = log.of('agent.state').filter((e) => e.payload.agentId === alice).map((e) => `${e.payload.state}:${e.payload.changedBy}`);
      expect(seen).toEqual(['paused:external', 'ready:external']);
    } finally {
      log.stop();
      await other.close();
    }
  });

  it('applies wrap-up after a queue call delivered once the other application unpaused her', async () => {
    const alice = await userId(server, 'alice');
    await server.agents.pause(alice, 'break');
    expect(server.agents.get(alice)).toMatchObject({ state: 'paused', changedBy: 'server' });
    const other = await otherApplication(server);
    try {
      await other.send({ Action: 'QueuePause', Interface: 'PJSIP/1001', Paused: 'false' });
      await waitFor('alice ready from outside', () => server.agents.get(alice)?.state === 'ready');
    } finally {
      await other.close();
    }
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15552345678', callerName: 'Omar Customer', talkMs: 300 });
    await waitFor('alice in wrap-up after the call', () => server.agents.get(alice)?.state === 'wrap-up');
    expect(server.agents.get(alice)).toMatchObject({ reason: 'wrap-up', changedBy: 'server' });
    // The break ended when Asterisk said so, not when the call came.
    // The timesheet is written asynchronously (in order, through durable storage): let it land.
    await server.storage.drained(5000);
    const intervals = await server.repos.timesheet.listIntervals({ agentId: alice });
    const brk = intervals.find((i) => i.state === 'paused' && i.reason === 'break')!;
    expect(brk.to).not.toBeNull();
    expect(intervals.some((i) => i.state === 'ready' && i.from === brk.to)).toBe(true);
    await server.agents.endWrapup(alice);
  });

  it('tells alice, and logs, when the wrap-up pause after her call fails (Asterisk refuses it)', async () => {
    const alice = await userId(server, 'alice');
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    const log = recordEvents(server);
    const other = await otherApplication(server);
    try {
      sim.placeCall({ queue: 'lang-en', callerNumber: '+15553456789', callerName: 'Jane Customer', talkMs: 1500 });
      await waitFor('alice on the call', () => log.of('call.answered').some((e) => e.payload.agentId === alice));
      // Another application takes her out of every queue while she talks: the QueuePause will fail.
      for (const q of server.agents.get(alice)!.queues) await other.send({ Action: 'QueueRemove', Queue: q.queue, Interface: 'PJSIP/1001' });
      const failure = await waitFor('an agent.error for alice', () => log.of('agent.error').find((e) => e.payload.agentId === alice));
      expect(failure.payload).toMatchObject({ action: 'wrap-up', extension: '1001' });
      expect(failure.payload.code).toMatch(/^CTI_ERR_/);
      expect(server.agents.get(alice)?.afterCall).toBeNull();
    } finally {
      log.stop();
      await other.close();
    }
  });
});
