import { describe, expect, it } from 'vitest';
import type { DeliveredEvent, ResyncNotice } from '../src/events.ts';
import { emptyState } from './support/fake-server.ts';
import { agentState, eventFrame, harness } from './support/harness.ts';

describe('live connection', () => {
  it('says hello with the access token and protocol version, then delivers typed events', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const seen: DeliveredEvent<'agent.state'>[] = [];
    h.client.on('agent.state', (e) => seen.push(e));
    h.client.connect();
    const s = await h.accept('s-1', 0);
    expect(s.url).toBe('ws://cti.test/api/ws');
    expect(s.frames('hello')).toEqual([{ op: 'hello', v: 1, token: 'access-1' }]);
    expect(h.client.connection.state).toBe('open');
    s.push(eventFrame(1, 'agent.state', agentState('agent-1001', 'ready')));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.payload.state).toBe('ready');
    expect(seen[0]?.seq).toBe(1);
  });

  it('reconnects after a drop with backoff and resumes from the last event it saw, skipping replayed duplicates', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const seqs: number[] = [];
    h.client.on('event', (e) => seqs.push(e.seq));
    h.client.connect();
    const first = await h.accept('s-1', 0);
    for (const seq of [1, 2, 3]) first.push(eventFrame(seq, 'agent.state', agentState('agent-1001', 'ready')));
    first.serverClose(1006);
    expect(h.client.connection.state).toBe('reconnecting');
    await h.timers.advance(999);
    expect(h.sockets).toHaveLength(1);
    await h.timers.advance(1);
    expect(h.sockets).toHaveLength(2);
    const second = h.socket();
    second.open();
    await h.timers.advance(0);
    expect(second.frames('hello')[0]).toEqual({ op: 'hello', v: 1, token: 'access-1', resume: { stream: 's-1', seq: 3 } });
    second.push({ op: 'welcome', v: 1, session: 's-1', seq: 3, resumed: true, mustResync: false, resumeWindowSeconds: 60, principal: {} });
    second.push(eventFrame(3, 'agent.state', agentState('agent-1001', 'ready')));
    second.push(eventFrame(4, 'agent.state', agentState('agent-1001', 'paused')));
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('waits longer after each failed attempt, up to the cap', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    h.client.connect();
    const retryDelays: number[] = [];
    h.client.on('connection', (status) => {
      if (status.state === 'reconnecting' && status.retryAt) retryDelays.push(status.retryAt - h.timers.now());
    });
    for (let i = 0; i < 6; i++) {
      h.socket().serverClose(1006);
      await h.timers.advance(10_000);
    }
    expect(retryDelays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('on mustResync, uses the snapshot the server sends and emits resync', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const notices: ResyncNotice[] = [];
    h.client.on('resync', (n) => notices.push(n));
    h.client.connect();
    const first = await h.accept('s-1', 0);
    first.push(eventFrame(1, 'agent.state', agentState('agent-1001', 'ready')));
    first.serverClose(1001, 'restart');
    await h.timers.advance(1000);
    const second = await h.accept('s-2', 40, { mustResync: true });
    const state = { ...emptyState, agents: [{ ...agentState('agent-1001', 'paused'), callId: null }] };
    second.push({ op: 'snapshot', seq: 40, state });
    expect(notices).toEqual([{ type: 'resync', cause: 'must-resync', pbx: null, reason: expect.any(String), state }]);
    expect(h.calls.filter((c) => c.url.endsWith('/api/state'))).toHaveLength(0);
    // the next reconnect resumes the new stream
    second.push(eventFrame(41, 'agent.state', agentState('agent-1001', 'ready')));
    second.serverClose(1006);
    await h.timers.advance(1000);
    h.socket().open();
    await h.timers.advance(0);
    expect(h.socket().frames('hello')[0]?.resume).toEqual({ stream: 's-2', seq: 41 });
  });

  it('on mustResync without a snapshot frame, fetches GET /api/state and emits resync', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const notices: ResyncNotice[] = [];
    h.client.on('resync', (n) => notices.push(n));
    h.client.connect();
    await h.accept('s-1', 0, { mustResync: true });
    await h.timers.advance(3000);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.state).toEqual(emptyState);
    expect(h.calls.at(-1)?.headers.authorization).toBe('Bearer access-1');
  });

  it("reloads the state when the server announces its own resync after reconnecting to Asterisk", async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const notices: ResyncNotice[] = [];
    h.client.on('resync', (n) => notices.push(n));
    h.client.connect();
    const s = await h.accept();
    s.push(eventFrame(1, 'resync', { pbx: 'main', reason: 'AMI reconnected' }));
    await h.timers.advance(0);
    expect(notices).toEqual([{ type: 'resync', cause: 'server', pbx: 'main', reason: 'AMI reconnected', state: emptyState }]);
  });

  it('sends its subscription again after every reconnect', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    h.client.subscribe({ queues: ['lang-en'] });
    h.client.connect();
    const first = await h.accept();
    expect(first.frames('subscribe')).toEqual([{ op: 'subscribe', filter: { queues: ['lang-en'] } }]);
    first.serverClose(1006);
    await h.timers.advance(1000);
    const second = await h.accept('s-1', 0, { resumed: true });
    expect(second.frames('subscribe')).toEqual([{ op: 'subscribe', filter: { queues: ['lang-en'] } }]);
  });

  it('pings a silent connection and reconnects when no answer comes', async () => {
    const h = harness({}, { pingIntervalMs: 20_000, pongTimeoutMs: 5000 });
    await h.client.login('ada', 'secret');
    h.client.connect();
    const s = await h.accept();
    await h.timers.advance(20_000);
    expect(s.frames('ping')).toHaveLength(1);
    await h.timers.advance(5000);
    expect(h.client.connection.state).toBe('reconnecting');
    expect(s.closedWith?.reason).toBe('heartbeat timeout');
  });

  it('keeps a connection that answers its pings', async () => {
    const h = harness({}, { pingIntervalMs: 20_000, pongTimeoutMs: 5000 });
    await h.client.login('ada', 'secret');
    h.client.connect();
    const s = await h.accept();
    for (let i = 1; i <= 5; i++) {
      await h.timers.advance(20_000);
      expect(s.frames('ping')).toHaveLength(i);
      s.push({ op: 'pong', at: '2026-11-26T09:00:00.000Z' });
    }
    expect(h.sockets).toHaveLength(1);
    expect(h.client.connection.state).toBe('open');
  });

  it('refreshes the token and reconnects when the server closes with 4001', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    h.client.connect();
    const s = h.socket();
    s.open();
    await h.timers.advance(0);
    s.serverClose(4001, 'token expired');
    await h.timers.advance(0);
    expect(h.sockets).toHaveLength(2);
    h.socket().open();
    await h.timers.advance(0);
    expect(h.socket().frames('hello')[0]?.token).toBe('access-2');
  });

  it('ends the session when the server revokes it (4003) and does not reconnect', async () => {
    const h = harness();
    const sessions: unknown[] = [];
    await h.client.login('ada', 'secret');
    h.client.on('session', (user) => sessions.push(user));
    h.client.connect();
    const s = await h.accept();
    s.serverClose(4003, 'signed out elsewhere');
    await h.timers.advance(60_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.client.connection.state).toBe('closed');
    expect(sessions).toEqual([undefined]);
    expect(h.client.user).toBeUndefined();
  });
});
