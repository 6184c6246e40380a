import { describe, expect, it } from 'vitest';
import type { CtiEvent } from '@amiable/protocol';
import { createRouter } from '../../src/gateway/index.ts';
import type { Principal } from '../../src/identity/index.ts';
import { agentState, ringing } from './helpers/events.ts';
import { FakeTransport } from './helpers/fake-transport.ts';

function principal(partial: Partial<Principal> & Pick<Principal, 'userId' | 'role'>): Principal {
  return { username: partial.userId, extensions: [], queues: [], agents: [], teams: [], via: 'token', ...partial };
}

/** An agent's state as the projector publishes it: at a desk on a PBX, in some queues, or signed out. */
function seated(agentId: string, pbx: string, extension: string | null, queues: string[] = []): CtiEvent {
  const event = agentState(agentId, extension, 'ready');
  if (event.type !== 'agent.state') throw new Error('unreachable');
  const state = extension === null ? ('logged-out' as const) : ('ready' as const);
  return { ...event, pbx, payload: { ...event.payload, state, queues } };
}

function open(router: ReturnType<typeof createRouter>, who: Principal) {
  const transport = new FakeTransport();
  const { stream } = router.connect({ principal: who, transport });
  stream.start();
  return transport;
}

const onPbx = <T extends { pbx?: string }>(event: T, pbx: string): T => ({ ...event, pbx });
const callIds = (t: FakeTransport) =>
  t.events().map((e) => `${(e as { pbx?: string }).pbx}:${(e.payload as { callId: string }).callId}`);

describe('router reach: PBX, current seat, queue members', () => {
  const alice = principal({
    userId: 'alice',
    role: 'agent',
    agentId: 'agent-a',
    extensions: ['1005', '1006', '1007'],
    watch: { extensions: [], queues: [{ pbx: 'main', value: 'sales' }] },
  });

  it('shows an agent the desk she sits at on her PBX only, and follows her when she moves', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    router.publish(seated('agent-a', 'main', '1006'));
    const a = open(router, alice);
    router.publish(onPbx(ringing('1', '1006', null, null), 'branch'));
    router.publish(onPbx(ringing('2', '1005', null, null), 'main'));
    router.publish(onPbx(ringing('3', '1006', null, null), 'main'));
    router.publish(seated('agent-a', 'main', '1007'));
    router.publish(onPbx(ringing('4', '1006', null, null), 'main'));
    router.publish(onPbx(ringing('5', '1007', null, null), 'main'));
    router.publish(seated('agent-a', 'main', null));
    router.publish(onPbx(ringing('6', '1007', null, null), 'main'));
    router.publish(onPbx(ringing('7', '1007', 'agent-a', null), 'main'));
    expect(a.events().filter((e) => e.type === 'call.ringing').map((e) => `${(e as { pbx?: string }).pbx}:${(e.payload as { callId: string }).callId}`)).toEqual(['main:3', 'main:5', 'main:7']);
  });

  it('keeps a scope configured on one PBX to that PBX, and a scope without a PBX on every PBX', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const branchOnly = open(router, principal({ userId: 's1', role: 'supervisor', watch: { extensions: [{ pbx: 'branch', value: '1001' }], queues: [] } }));
    const everywhere = open(router, principal({ userId: 's2', role: 'supervisor', watch: { extensions: [{ pbx: '', value: '1001' }], queues: [] } }));
    router.publish(onPbx(ringing('1', '1001', null, null), 'main'));
    router.publish(onPbx(ringing('2', '1001', null, null), 'branch'));
    expect(callIds(branchOnly)).toEqual(['branch:2']);
    expect(callIds(everywhere)).toEqual(['main:1', 'branch:2']);
  });

  it('shows a supervisor with a queue and no team the agent events of that queue’s members', () => {
    const router = createRouter({ clock: { now: () => 0 } });
    const sam = open(router, principal({ userId: 'sam', role: 'supervisor', watch: { extensions: [], queues: [{ pbx: 'main', value: 'sales' }] } }));
    const colleague = open(router, alice);
    router.publish(seated('agent-b', 'main', '1002', ['sales']));
    router.publish(seated('agent-c', 'main', '1003', ['support']));
    router.publish(seated('agent-d', 'branch', '1004', ['sales']));
    router.publish(seated('agent-b', 'main', '1002', ['support']));
    router.publish(seated('agent-c', 'main', '1003', ['support', 'sales']));
    router.publish(seated('agent-b', 'main', '1002', ['support']));
    expect(sam.events().map((e) => `${(e.payload as { agentId: string }).agentId}:${(e.payload as { queues: string[] }).queues}`)).toEqual([
      'agent-b:sales',
      // B left sales: the event that says so is the last Sam gets of B.
      'agent-b:support',
      'agent-c:support,sales',
    ]);
    // An agent does not monitor her queues: her colleagues' states are not hers to see.
    expect(colleague.events()).toEqual([]);
  });
});
