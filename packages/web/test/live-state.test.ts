import type { AnyDeliveredEvent } from '@amiable/sdk';
import { describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot, liveLongestWait } from '../src/lib/live-state.ts';
import { popReducer, type ScreenPop, waitedSeconds } from '../src/lib/screen-pop.ts';

const at = '2026-11-26T10:00:00.000Z';
let seq = 0;
function ev(type: string, payload: Record<string, unknown>): AnyDeliveredEvent {
  seq += 1;
  return { type, seq, at, payload } as unknown as AnyDeliveredEvent;
}
const call = { callId: '1718000000.42', extension: '1001', agentId: 'agent-1001', queue: 'lang-en' };
const ringing = (extra: Record<string, unknown> = {}) =>
  ev('call.ringing', { ...call, direction: 'inbound', callerNumber: '+442079460000', callerName: 'Isaac Newton', language: 'en', skill: 'en', customer: null, popupUrl: null, waitSeconds: 12, ...extra });
const snapshot = {
  at,
  pbx: [],
  agents: [{ agentId: 'agent-1001', name: 'Ada', state: 'ready' as const, reason: null, since: at, extension: '1001', queues: ['lang-en'], wrapupEndsAt: null, pauseAfterCall: null, callId: null }],
  queues: [],
  calls: [],
};

describe('live state', () => {
  it('tracks a queue call from ringing to answered to ended and links it to the agent', () => {
    let s = fromSnapshot(snapshot, 0);
    s = applyEvent(s, ringing(), 0);
    expect(s.calls[call.callId]?.state).toBe('ringing');
    expect(s.agents['agent-1001']?.callId).toBe(call.callId);
    s = applyEvent(s, ev('call.answered', { ...call, direction: 'inbound', callerNumber: '+442079460000', callerName: null, answeredAt: at, waitSeconds: 15 }), 0);
    expect(s.calls[call.callId]).toMatchObject({ state: 'talking', answeredAt: at });
    s = applyEvent(s, ev('call.ended', { ...call, duration: 80, talkSeconds: 60, cause: { code: 16, text: null }, outcome: 'answered' }), 0);
    expect(s.calls[call.callId]).toBeUndefined();
  });

  it('keeps an answered ring-all call when another phone that rang is dismissed', () => {
    let s = fromSnapshot(snapshot, 0);
    s = applyEvent(s, ringing(), 0);
    s = applyEvent(s, ev('call.answered', { ...call, direction: 'inbound', callerNumber: null, callerName: null, answeredAt: at, waitSeconds: 3 }), 0);
    s = applyEvent(s, ev('call.dismissed', { ...call, extension: '1002', agentId: 'agent-1002', reason: 'answered-elsewhere' }), 0);
    expect(s.calls[call.callId]?.state).toBe('talking');
  });

  it('applies agent state changes and queue membership', () => {
    let s = fromSnapshot(snapshot, 0);
    s = applyEvent(s, ev('agent.state', { agentId: 'agent-1001', name: 'Ada', state: 'paused', previousState: 'ready', reason: 'lunch', since: at, extension: '1001', queues: ['lang-en'], wrapupEndsAt: null, pauseAfterCall: null }), 0);
    expect(s.agents['agent-1001']).toMatchObject({ state: 'paused', reason: 'lunch' });
    s = applyEvent(s, ev('queue.member', { queue: 'lang-fr', change: 'added', agentId: 'agent-1001', extension: '1001', interface: 'PJSIP/1001', paused: false, reason: null, penalty: 0 }), 0);
    expect(s.agents['agent-1001']?.queues).toEqual(['lang-en', 'lang-fr']);
  });

  it('ticks the longest wait on from the last statistics while callers wait', () => {
    const q = { queue: 'lang-en', language: 'en', skill: 'en', waiting: 2, longestWaitSeconds: 40, ready: 0, onCall: 1, wrapup: 0, paused: 0, signedIn: 1, answeredToday: 0, abandonedToday: 0, serviceLevel: null, serviceLevelSeconds: 20, serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90, avgWaitSeconds: null, avgTalkSeconds: null, receivedAt: 1000 };
    expect(liveLongestWait(q, 6000)).toBe(45);
    expect(liveLongestWait({ ...q, waiting: 0 }, 6000)).toBe(0);
  });
});

describe('screen-pop', () => {
  const me = { agentId: 'agent-1001', extension: '1001' };

  it("opens on the agent's own ringing call with caller, queue and language", () => {
    const pop = popReducer(undefined, ringing(), me);
    expect(pop).toMatchObject({ phase: 'ringing', callerNumber: '+442079460000', queue: 'lang-en', language: 'en' });
  });

  it("takes the CRM's late answer into the open pop, keeping when the ring started", () => {
    const first = popReducer(undefined, ringing(), me);
    const late = { ...ringing({ customer: { id: 'crm:77', name: 'Ada Lovelace', company: 'Analytical', language: null, externalUrl: 'https://crm.example/77' } }), at: '2026-11-26T10:00:02.000Z' };
    const pop = popReducer(first, late as AnyDeliveredEvent, me);
    expect(pop).toMatchObject({ callId: call.callId, phase: 'ringing', ringingAt: at, customer: { id: 'crm:77', name: 'Ada Lovelace' } });
  });

  it("ignores calls ringing at other agents' phones", () => {
    expect(popReducer(undefined, ringing({ extension: '1002', agentId: 'agent-1002' }), me)).toBeUndefined();
  });

  it('closes by itself when a ring-all call is answered by another agent', () => {
    const pop = popReducer(undefined, ringing(), me);
    expect(popReducer(pop, ev('call.dismissed', { ...call, reason: 'answered-elsewhere' }), me)).toBeUndefined();
  });

  it('stays open through the call and after it ends, until closed by hand or the next call', () => {
    let pop: ScreenPop | undefined = popReducer(undefined, ringing(), me);
    pop = popReducer(pop, ev('call.answered', { ...call, direction: 'inbound', callerNumber: null, callerName: null, answeredAt: at, waitSeconds: 3 }), me);
    expect(pop?.phase).toBe('answered');
    pop = popReducer(pop, ev('call.dismissed', { ...call, reason: 'answered-elsewhere' }), me);
    expect(pop?.phase).toBe('answered');
    pop = popReducer(pop, ev('call.ended', { ...call, duration: 80, talkSeconds: 60, cause: { code: 16, text: null }, outcome: 'answered' }), me);
    expect(pop?.phase).toBe('ended');
    pop = popReducer(pop, ringing({ callId: '1718000001.7' }), me);
    expect(pop).toMatchObject({ phase: 'ringing', callId: '1718000001.7' });
  });

  it("shows the caller's real wait: counting while the phone rings, then the wait measured up to the answer", () => {
    // The queue rings the agent as the caller joins: the ring says 0 s waited; the answer says 14 s.
    let pop: ScreenPop | undefined = popReducer(undefined, ringing({ waitSeconds: 0 }), me);
    expect(waitedSeconds(pop!, Date.parse(at) + 9_000)).toBe(9);
    pop = popReducer(pop, ev('call.answered', { ...call, direction: 'inbound', callerNumber: null, callerName: null, answeredAt: at, waitSeconds: 14 }), me);
    expect(waitedSeconds(pop!, Date.parse(at) + 60_000)).toBe(14);
    pop = popReducer(pop, ev('call.ended', { ...call, duration: 80, talkSeconds: 60, cause: { code: 16, text: null }, outcome: 'answered' }), me);
    expect(waitedSeconds(pop!, Date.parse(at) + 90_000)).toBe(14);
  });

  it('has no wait for a call that did not come through a queue', () => {
    const pop = popReducer(undefined, ringing({ waitSeconds: null, queue: null }), me);
    expect(waitedSeconds(pop!, Date.parse(at) + 5_000)).toBeNull();
  });

  it('disappears when the caller hangs up before anyone answers', () => {
    const pop = popReducer(undefined, ringing(), me);
    expect(popReducer(pop, ev('call.ended', { ...call, duration: 9, talkSeconds: 0, cause: { code: 16, text: null }, outcome: 'abandoned' }), me)).toBeUndefined();
  });
});
