import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { createClient, type CtiClient, type DeliveredEvent, type WebSocketConstructor } from '../src/index.ts';
import type { Welcome } from '../src/wire/frames.ts';

/** The `ws` WebSocket, remembering every socket it opened so a test can cut one. */
const opened: WebSocket[] = [];
class TrackedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    opened.push(this);
  }
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the SDK against a running CTI server', () => {
  let server: TestServer;
  let client: CtiClient;
  const events: DeliveredEvent[] = [];
  const welcomes: Welcome[] = [];

  beforeAll(async () => {
    server = await startTestServer({ wrapup: { seconds: 0, mode: 'timeout' } });
    client = createClient({
      baseUrl: server.url,
      WebSocket: TrackedWebSocket as unknown as WebSocketConstructor,
      backoff: { initialMs: 50, maxMs: 200 },
    });
    client.on('event', (e) => events.push(e as DeliveredEvent));
    client.on('welcome', (w) => welcomes.push(w));
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await server?.close();
  });

  const aliceState = (state: string, after = 0) =>
    until(
      () => events.slice(after).find((e): e is DeliveredEvent<'agent.state'> => e.type === 'agent.state' && (e as DeliveredEvent<'agent.state'>).payload.state === state),
      `alice ${state}`,
    );

  it('logs alice in, connects, and signs her in at her extension', async () => {
    const principal = await client.login('alice', 'alice-demo');
    expect(principal).toMatchObject({ username: 'alice', role: 'agent' });
    client.connect();
    await until(() => (client.connection.state === 'open' ? true : undefined), 'the socket to open');
    expect(welcomes[0]?.principal.username).toBe('alice');

    await client.command('agent.signIn', { extension: '1001' });
    const ready = await aliceState('ready');
    expect(ready.payload.extension).toBe('1001');
    expect([...ready.payload.queues].sort()).toEqual(['lang-en', 'lang-fr', 'support']);
  });

  it('pops Jane Customer on alice’s screen as a typed call.ringing event when Jane calls lang-en', async () => {
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'noanswer' });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer', patienceMs: 1500 });
    const ringing = await until(
      () => events.find((e): e is DeliveredEvent<'call.ringing'> => e.type === 'call.ringing'),
      'call.ringing',
    );
    expect(ringing.payload).toMatchObject({ extension: '1001', queue: 'lang-en', callerNumber: '+15551234567', language: 'en' });
    expect(ringing.payload.customer?.name).toBe('Jane Customer');
    await until(() => (sim.snapshot().channels.length === 0 ? true : undefined), 'the caller to give up');
    sim.setPhone('1001', { mode: 'answer' });
  });

  it('pauses alice with a reason and makes her ready again, over the live connection', async () => {
    const from = events.length;
    await client.command('agent.pause', { reason: 'lunch' });
    const paused = await aliceState('paused', from);
    expect(paused.payload.reason).toBe('lunch');
    expect(server.demo!.sim.snapshot().members.filter((m) => m.interface === 'PJSIP/1001').every((m) => m.paused && m.pausedReason === 'lunch')).toBe(true);
    await client.command('agent.ready', {}, { via: 'ws' });
    await aliceState('ready', events.indexOf(paused) + 1);
    expect(server.demo!.sim.snapshot().members.filter((m) => m.interface === 'PJSIP/1001').every((m) => !m.paused)).toBe(true);
  });

  it('resumes the stream after a forced disconnect, with the events it missed and no gap in seq', async () => {
    const lastSeq = events.at(-1)!.seq;
    const from = events.length;
    const socket = opened.at(-1)!;
    socket.terminate();
    // While the client is away, the supervisor side pauses alice.
    const aliceId = (await server.repos.users.getByUsername('alice'))!.id;
    await server.agents.pause(aliceId, 'training');
    await until(() => (welcomes.length >= 2 && client.connection.state === 'open' ? true : undefined), 'the reconnect');
    expect(welcomes.at(-1)).toMatchObject({ resumed: true, mustResync: false, stream: welcomes[0]!.stream });
    const paused = await aliceState('paused', from);
    expect(paused.payload.reason).toBe('training');
    const seqs = events.slice(from - 1).map((e) => e.seq);
    expect(seqs[0]).toBe(lastSeq);
    expect(seqs).toEqual(seqs.map((_, i) => lastSeq + i));
    await client.command('agent.ready', {});
    await client.command('agent.signOut', {});
    await aliceState('logged-out', from);
  });
});
