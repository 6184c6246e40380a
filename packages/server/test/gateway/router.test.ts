import { CLOSE_CODES } from '@amiable/protocol';
import { describe, expect, it } from 'vitest';
import { createRouter, type PublishedEvent } from '../../src/gateway/index.ts';
import type { Principal } from '../../src/identity/index.ts';
import { agentState, pbxConnection, ringing } from './helpers/events.ts';
import { FakeTransport } from './helpers/fake-transport.ts';

function principal(partial: Partial<Principal> & Pick<Principal, 'userId' | 'role'>): Principal {
  return { username: partial.userId, extensions: [], queues: [], agents: [], teams: [], via: 'token', ...partial };
}

const alice = principal({ userId: 'alice', role: 'agent', agentId: 'agent-1001', extensions: ['1001'], queues: ['lang-en'] });
const bob = principal({ userId: 'bob', role: 'agent', agentId: 'agent-1002', extensions: ['1002'], queues: ['lang-en'] });
const carol = principal({ userId: 'carol', role: 'supervisor', queues: ['lang-en'], agents: ['agent-1001'] });
const dave = principal({ userId: 'dave', role: 'admin' });

function open(router: ReturnType<typeof createRouter>, who: Principal) {
  const transport = new FakeTransport();
  const { stream } = router.connect({ principal: who, transport });
  stream.start();
  return { transport, stream };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('router scoping', () => {
  it('pops the screen for the ringing agent and her supervisor only, never for a colleague in the same queue', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const [a, b, c, d] = [alice, bob, carol, dave].map((p) => open(router, p));
    router.publish(ringing('1.1', '1001', 'agent-1001', 'lang-en'));
    expect(a!.transport.events().map((e) => e.type)).toEqual(['call.ringing']);
    expect(b!.transport.events()).toEqual([]);
    expect(c!.transport.events()).toHaveLength(1);
    expect(d!.transport.events()).toHaveLength(1);
  });

  it('delivers nothing of an event type the catalogue does not declare (default deny)', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const admin = open(router, dave);
    // An untyped caller (JavaScript, a plugin) can still hand the router an undeclared type.
    const undeclared = { type: 'call.recorded', at: 'x', scope: { extension: '1001' }, payload: {} } as unknown as PublishedEvent;
    const delivered = router.publish(undeclared);
    expect(delivered).toBe(0);
    expect(admin.transport.frames).toEqual([]);
  });

  it('reports a payload that breaks its catalogue schema, and passes a valid one without a word', () => {
    const reports: Array<{ type: string; problems: string[] }> = [];
    const router = createRouter({ clock: { now: () => 0 }, invalidEvent: (event, problems) => reports.push({ type: event.type, problems }) });
    router.publish(agentState('agent-1001', '1001'));
    expect(reports).toEqual([]);
    const bad = agentState('agent-1001', '1001');
    (bad.payload as Record<string, unknown>).state = 'dancing';
    router.publish(bad);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.type).toBe('agent.state');
    expect(reports[0]!.problems.join(' ')).toContain('/state');
  });

  it('sends PBX-wide events to everyone allowed to see them, whatever their filter', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const a = open(router, alice);
    router.setFilter(a.stream, { queues: ['lang-en'] });
    router.publish(pbxConnection('reconnecting'));
    expect(a.transport.events().map((e) => e.type)).toEqual(['pbx.connection']);
  });

  it('numbers each client’s events without gaps, per client', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const a = open(router, alice);
    const d = open(router, dave);
    router.publish(agentState('agent-1002', '1002'));
    router.publish(agentState('agent-1001', '1001'));
    router.publish(agentState('agent-1001', '1001', 'paused'));
    expect(a.transport.events().map((e) => e.seq)).toEqual([1, 2]);
    expect(d.transport.events().map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('re-files a user’s streams when their extension changes', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const a = open(router, alice);
    router.updatePrincipal('alice', { ...alice, extensions: ['1005'] });
    router.publish(ringing('1.1', '1001', null, null));
    router.publish(ringing('1.2', '1005', null, null));
    expect(a.transport.events().map((e) => (e.payload as { callId: string }).callId)).toEqual(['1.2']);
  });
});

describe('slow consumers', () => {
  it('drops a client that stops reading with 4008 while 100 others receive every event', async () => {
    const router = createRouter({
      clock: { now: () => 0 },
      options: { maxQueueEvents: 50, socketHighWaterBytes: 1024 },
    });
    const others = Array.from({ length: 100 }, (_, i) =>
      open(router, principal({ userId: `sup${i}`, role: 'supervisor', agents: ['agent-1001'] })),
    );
    const slow = open(router, principal({ userId: 'slow', role: 'supervisor', agents: ['agent-1001'] }));
    slow.transport.stuck = true;
    for (let i = 0; i < 500; i++) {
      router.publish(agentState('agent-1001', '1001', i % 2 ? 'paused' : 'ready'));
      if (i % 50 === 0) await settle();
    }
    await settle();
    expect(slow.transport.closed).toEqual({ closeCode: CLOSE_CODES.SLOW_CONSUMER, code: 'CTI_ERR_SLOW_CONSUMER' });
    for (const other of others) {
      expect(other.transport.closed).toBeNull();
      expect(other.transport.events().map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    }
    expect(router.stats().connected).toBe(100);
  });
});

describe('resume', () => {
  it('replays the events missed while disconnected, in order, within the window', () => {
    let now = 0;
    const router = createRouter({ clock: { now: () => now }, options: { resumeWindowMs: 60_000 } });
    const first = open(router, alice);
    router.publish(agentState('agent-1001', '1001'));
    router.disconnected(first.stream, first.transport);
    for (const s of ['paused', 'ready', 'paused'] as const) router.publish(agentState('agent-1001', '1001', s));
    now = 59_000;
    const second = new FakeTransport();
    const result = router.connect({ principal: alice, transport: second, resume: { stream: first.stream.id, seq: 1 } });
    expect(result).toMatchObject({ resumed: true, mustResync: false, seq: 1 });
    result.stream.start();
    router.publish(agentState('agent-1001', '1001', 'ready'));
    expect(second.events().map((e) => e.seq)).toEqual([2, 3, 4, 5]);
  });

  it('asks for a resync once the window has passed, or when the events were already dropped', () => {
    let now = 0;
    const router = createRouter({ clock: { now: () => now }, options: { resumeWindowMs: 60_000, retainEvents: 3 } });
    const first = open(router, alice);
    router.disconnected(first.stream, first.transport);
    now = 61_000;
    const late = router.connect({ principal: alice, transport: new FakeTransport(), resume: { stream: first.stream.id, seq: 0 } });
    expect(late).toMatchObject({ resumed: false, mustResync: true, seq: 0 });
    expect(late.stream.id).not.toBe(first.stream.id);

    router.disconnected(late.stream, late.stream.transport!);
    for (let i = 0; i < 5; i++) router.publish(agentState('agent-1001', '1001'));
    const overflowed = router.connect({ principal: alice, transport: new FakeTransport(), resume: { stream: late.stream.id, seq: 0 } });
    expect(overflowed).toMatchObject({ resumed: false, mustResync: true });
  });

  it('never lets another user resume somebody else’s stream', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const a = open(router, alice);
    router.disconnected(a.stream, a.transport);
    const stolen = router.connect({ principal: bob, transport: new FakeTransport(), resume: { stream: a.stream.id, seq: 0 } });
    expect(stolen).toMatchObject({ resumed: false, mustResync: true });
    expect(stolen.stream.id).not.toBe(a.stream.id);
  });
});
