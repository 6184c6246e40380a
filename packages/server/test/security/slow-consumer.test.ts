import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_QUEUES } from '../../src/demo/demo-data.ts';
import { type Frame, TestClient } from '../gateway/helpers/ws-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { eventually, login, sleep, testPasswordHash, userIdOf } from './support/identities.ts';

const signature = (f: Frame) => `${f.type as string}|${JSON.stringify(f.payload)}`;
const eventsOf = (c: TestClient) => c.frames.filter((f) => f.op === 'event');

/** True when the seqs run 1, 2, 3, … after the welcome's seq, without a gap or a repeat. */
function contiguous(c: TestClient): boolean {
  let seq = c.welcome.seq as number;
  for (const f of eventsOf(c)) if (f.seq !== ++seq) return false;
  return true;
}

/** Waits until no client has received anything for 500 ms. */
async function settle(clients: TestClient[]): Promise<void> {
  const total = () => clients.reduce((n, c) => n + c.frames.length, 0);
  for (let last = -1, now = total(); now !== last; last = now, now = total()) await sleep(500);
}

describe('a client that stops reading while a hundred others keep up, on the live server', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { callsPerMinute: 0, autoSignIn: true }, wrapup: { seconds: 0, mode: 'timeout' }, router: { maxQueuedEvents: 64 } });
    await server.repos.users.update(await userIdOf(server, 'sam'), { passwordHash: await testPasswordHash() });
    await server.agents.signIn(await userIdOf(server, 'alice'), {});
    token = (await login(server.url, 'sam')).accessToken;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('delivers every event, in order, to the 100 readers while one socket is paused, and the paused one is either cut off as slow or catches up exactly', async () => {
    const url = `${server.url.replace('http', 'ws')}/api/ws`;
    const readers = await Promise.all(Array.from({ length: 100 }, () => TestClient.connect(url, token)));
    const slow = await TestClient.connect(url, token);
    // Clients connect one after another; events published while they connect (queue
    // statistics after the sign-ins) reach only some of them. Compare from a quiet point on.
    await settle([...readers, slow]);
    const offset = new Map([...readers, slow].map((c) => [c, eventsOf(c).length]));
    const after = (c: TestClient) => eventsOf(c).slice(offset.get(c));
    const socket = (slow.ws as unknown as { _socket: Socket })._socket;
    socket.pause();

    const sim = server.demo!.sim;
    for (const a of DEMO_AGENTS) sim.setPhone(a.extension, { mode: 'answer', answerAfterMs: 100 });
    for (let i = 0; i < 40; i++) {
      sim.placeCall({ queue: DEMO_QUEUES[i % DEMO_QUEUES.length]!.name, callerNumber: `+1555000${String(i).padStart(4, '0')}`, talkMs: 200, patienceMs: 3000 });
      if (i % 5 === 4) await sleep(100);
    }
    await eventually(() => (sim.snapshot().channels.length === 0 ? true : undefined), 30_000, 'the calls to end');
    await settle(readers);

    const reference = after(readers[0]!).map(signature);
    expect(reference.length).toBeGreaterThan(100);
    expect(reference.filter((s) => s.startsWith('call.ringing|')).length).toBeGreaterThanOrEqual(40);
    for (const [i, r] of readers.entries()) {
      expect(r.closed, `reader ${i}`).toBeNull();
      expect(contiguous(r), `reader ${i} seqs`).toBe(true);
      expect(after(r).map(signature), `reader ${i}`).toEqual(reference);
    }

    socket.resume();
    await settle([...readers, slow]);
    if (slow.closed) {
      expect(slow.closed.code).toBe(4008);
      expect(slow.frames.some((f) => f.op === 'bye' && f.code === 'CTI_ERR_SLOW_CONSUMER')).toBe(true);
    } else {
      expect(contiguous(slow)).toBe(true);
      expect(after(slow).map(signature)).toEqual(after(readers[0]!).map(signature));
    }
    for (const c of [...readers, slow]) c.close();
  }, 90_000);
});
