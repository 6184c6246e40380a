import { afterEach, describe, expect, it } from 'vitest';
import { bearer, buildFixture, type Fixture, login } from './helpers/fixture.ts';
import { agentState, ringing } from './helpers/events.ts';
import { TestClient } from './helpers/ws-client.ts';

let fx: Fixture;
let url: string;
const clients: TestClient[] = [];

async function start(overrides: Parameters<typeof buildFixture>[0] = {}) {
  fx = await buildFixture(overrides);
  const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
  url = `${address.replace('http', 'ws')}/api/ws`;
}
async function connect(token: string, resume?: { stream: string; seq: number }) {
  const client = await TestClient.connect(url, token, resume);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await fx?.app.close();
});

describe('WebSocket session', () => {
  it('welcomes alice with her stream, a snapshot of what she may see, then her events only', async () => {
    await start();
    fx.state.current.agents = [
      { agentId: 'agent-1001', name: 'Alice', state: 'ready', reason: null, since: '2025-01-01T09:00:00.000Z', extension: '1001', queues: ['lang-en'], wrapupEndsAt: null, pauseAfterCall: null, callId: null },
      { agentId: 'agent-1002', name: 'Bob', state: 'paused', reason: 'lunch', since: '2025-01-01T09:00:00.000Z', extension: '1002', queues: ['lang-fr'], wrapupEndsAt: null, pauseAfterCall: null, callId: null },
    ];
    const { accessToken } = await login(fx.app, 'alice');
    const alice = await connect(accessToken);
    expect(alice.welcome).toMatchObject({ v: 1, seq: 0, resumed: false, mustResync: false, principal: { username: 'alice', agentId: 'agent-1001' } });
    const snapshot = await alice.waitFor((f) => f.op === 'snapshot');
    expect((snapshot.state as { agents: { agentId: string }[] }).agents.map((a) => a.agentId)).toEqual(['agent-1001']);

    fx.app.gateway.router.publish(ringing('7.1', '1002', 'agent-1002', 'lang-fr'));
    fx.app.gateway.router.publish(ringing('7.2', '1001', 'agent-1001', 'lang-en'));
    const event = await alice.waitFor((f) => f.op === 'event');
    expect(event).toMatchObject({ seq: 1, type: 'call.ringing', scope: { extension: '1001', agent: 'agent-1001', queue: 'lang-en', pbx: 'pbx1' }, payload: { callId: '7.2' } });
    alice.send({ op: 'ping', id: 'p1' });
    await alice.waitFor((f) => f.op === 'pong' && f.id === 'p1');
    expect(alice.events().map((e) => (e.payload as { callId: string }).callId)).toEqual(['7.2']);
  });

  it('narrows the stream with subscribe and answers with a fresh snapshot', async () => {
    await start();
    const { accessToken } = await login(fx.app, 'carol');
    const carol = await connect(accessToken);
    carol.send({ op: 'subscribe', id: 's1', filter: { types: ['agent.state'] } });
    await carol.waitFor((f) => f.op === 'result' && f.id === 's1' && f.ok === true);
    expect(carol.frames.filter((f) => f.op === 'snapshot')).toHaveLength(2);
    fx.app.gateway.router.publish(ringing('8.1', '1001', 'agent-1001', 'lang-en'));
    fx.app.gateway.router.publish(agentState('agent-1001', '1001', 'paused'));
    const event = await carol.waitFor((f) => f.op === 'event');
    expect(event.type).toBe('agent.state');
    carol.send({ op: 'subscribe', id: 's2', filter: { extensions: ['1001\r\n'] } });
    const refused = await carol.waitFor((f) => f.op === 'result' && f.id === 's2');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CTI_ERR_VALIDATION' } });
  });

  it('runs commands and answers each with a result frame', async () => {
    await start();
    const { accessToken } = await login(fx.app, 'alice');
    const alice = await connect(accessToken);
    expect(await alice.command('c1', 'agent.signIn', { extension: '1001' })).toMatchObject({ ok: true, data: { done: 'agent.signIn' } });
    expect(fx.audit.entries().at(-1)).toMatchObject({ channel: 'ws', action: 'agent.signIn', ok: true, userId: 'u-alice' });
  });
});

describe('resume', () => {
  it('replays the events missed during a reconnect, in order, without a snapshot', async () => {
    await start();
    const { accessToken } = await login(fx.app, 'alice');
    const first = await connect(accessToken);
    fx.app.gateway.router.publish(agentState('agent-1001', '1001', 'ready'));
    await first.waitFor((f) => f.op === 'event' && f.seq === 1);
    const stream = first.welcome.session as string;
    first.close();
    await first.waitForClose();

    for (const s of ['paused', 'ready', 'paused'] as const) fx.app.gateway.router.publish(agentState('agent-1001', '1001', s));
    const second = await connect(accessToken, { stream, seq: 1 });
    expect(second.welcome).toMatchObject({ session: stream, seq: 1, resumed: true, mustResync: false });
    fx.app.gateway.router.publish(agentState('agent-1001', '1001', 'ready'));
    await second.until(() => (second.events().length >= 4 ? true : undefined));
    expect(second.events().map((e) => [e.seq, (e.payload as { state: string }).state])).toEqual([
      [2, 'paused'],
      [3, 'ready'],
      [4, 'paused'],
      [5, 'ready'],
    ]);
    expect(second.frames.some((f) => f.op === 'snapshot')).toBe(false);
  });

  it('tells a client back after the resume window to resync, with a new stream and a fresh snapshot', async () => {
    let now = Date.now();
    await start({ clock: { now: () => now }, config: { tokenSecret: 'x'.repeat(32), router: { resumeWindowMs: 30_000 } } });
    const { accessToken } = await login(fx.app, 'alice');
    const first = await connect(accessToken);
    const stream = first.welcome.session as string;
    first.close();
    await first.waitForClose();
    fx.app.gateway.router.publish(agentState('agent-1001', '1001', 'paused'));
    now += 31_000;
    const second = await connect(accessToken, { stream, seq: 0 });
    expect(second.welcome).toMatchObject({ resumed: false, mustResync: true, seq: 0 });
    expect(second.welcome.session).not.toBe(stream);
    await second.waitFor((f) => f.op === 'snapshot' && f.seq === 0);
    expect(second.events()).toEqual([]);
  });
});

describe('closing', () => {
  it('closes with 4001 when the hello is missing, wrong or late, and 4009 on garbage', async () => {
    await start({ config: { tokenSecret: 'x'.repeat(32), ws: { helloTimeoutMs: 200 } } });
    const wrong = await TestClient.open(url);
    clients.push(wrong);
    wrong.send({ op: 'hello', v: 1, token: 'not-a-token' });
    expect((await wrong.waitForClose()).code).toBe(4001);
    expect(wrong.frames.at(-1)).toMatchObject({ op: 'bye', closeCode: 4001, code: 'CTI_ERR_INVALID_CREDENTIALS' });

    const silent = await TestClient.open(url);
    clients.push(silent);
    expect((await silent.waitForClose()).code).toBe(4001);

    const early = await TestClient.open(url);
    clients.push(early);
    early.send({ op: 'command', id: 'x', name: 'agent.ready', args: {} });
    expect((await early.waitForClose()).code).toBe(4001);

    const garbage = await TestClient.open(url);
    clients.push(garbage);
    garbage.send('{ this is not json');
    expect(await garbage.waitForClose()).toEqual({ code: 4009, reason: 'CTI_ERR_PROTOCOL' });

    const { accessToken } = await login(fx.app, 'alice');
    const future = await TestClient.open(url);
    clients.push(future);
    future.send({ op: 'hello', v: 99, token: accessToken });
    expect((await future.waitForClose()).code).toBe(4009);
    expect(fx.audit.entries().some((e) => e.action === 'ws.connect' && e.code === 'CTI_ERR_INVALID_CREDENTIALS')).toBe(true);
  });

  it('closes every socket of a user with 4003 when an admin disables the account', async () => {
    const { crudRoutes } = await import('../../src/gateway/index.ts');
    const { UserSchema, UserUpdateSchema, UserCreateSchema } = await import('@amiable/protocol');
    await start({
      routes: async (app) => {
        const toDto = (id: string) => {
          const u = fx.users.all().find((x) => x.id === id);
          return u && { id: u.id, username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled, agentId: u.agentId, teams: u.teams, queues: u.queues, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
        };
        await app.register(
          crudRoutes({
            prefix: '/api/users',
            name: 'user',
            schemas: { entity: UserSchema, create: UserCreateSchema, update: UserUpdateSchema },
            permission: { read: 'directory.read', write: 'admin.manage' },
            store: {
              list: async () => fx.users.all().map((u) => toDto(u.id)!),
              get: async (id) => toDto(id),
              create: async () => {
                throw new Error('not in this test');
              },
              update: async (id, patch) => {
                const u = fx.users.all().find((x) => x.id === id);
                if (!u) return undefined;
                fx.users.put({ ...u, disabled: patch.disabled ?? u.disabled });
                return toDto(id);
              },
              remove: async () => false,
            },
            onChange: async (change) => {
              if (change.op === 'update' && change.entity?.disabled) await app.gateway.auth.revokeUser(change.id, 'disabled');
            },
          }),
        );
      },
    });
    const alice = await login(fx.app, 'alice');
    const desk = await connect(alice.accessToken);
    const phone = await connect(alice.accessToken);
    const bob = await connect((await login(fx.app, 'bob')).accessToken);
    const admin = await login(fx.app, 'dave');

    const res = await fx.app.inject({ method: 'PATCH', url: '/api/users/u-alice', headers: bearer(admin.accessToken), payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    for (const socket of [desk, phone]) {
      expect((await socket.waitForClose()).code).toBe(4003);
      expect(socket.frames.at(-1)).toMatchObject({ op: 'bye', code: 'CTI_ERR_USER_DISABLED' });
    }
    expect(bob.closed).toBeNull();
    const again = await TestClient.open(url);
    clients.push(again);
    again.send({ op: 'hello', v: 1, token: alice.accessToken });
    expect((await again.waitForClose()).code).toBe(4003);
    expect(fx.audit.entries().find((e) => e.action === 'user.update')).toMatchObject({ ok: true, username: 'dave', args: { id: 'u-alice', disabled: true } });
  });

  it('closes the sockets of a session with 4003 when the user logs out', async () => {
    await start();
    const session1 = await login(fx.app, 'alice');
    const session2 = await login(fx.app, 'alice');
    const a = await connect(session1.accessToken);
    const b = await connect(session2.accessToken);
    await fx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session1.accessToken), payload: {} });
    expect((await a.waitForClose()).code).toBe(4003);
    expect(b.closed).toBeNull();
    await fx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session2.accessToken), payload: { everywhere: true } });
    expect((await b.waitForClose()).code).toBe(4003);
  });
});
