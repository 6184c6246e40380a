import { describe, expect, it } from 'vitest';
import type { AgentStateChange } from '../../src/contact-center/agent-state.ts';
import { AgentStateTracker } from '../../src/contact-center/agent-state-tracker.ts';
import { AGENT_TRANSITIONS, isLegalTransition } from '../../src/contact-center/agent-transitions.ts';
import type { DomainChange, QueueMemberChange } from '../../src/telephony/changes.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import type { QueueMember } from '../../src/telephony/types.ts';
import { ev, expectIntervals, intervalsOf, onlyCall, replayTrace } from './helpers.ts';

function member(queue: string, paused = false, pausedReason: string | null = null): QueueMember {
  return {
    queue,
    interface: 'PJSIP/1003',
    name: 'Agent 1003',
    stateInterface: 'PJSIP/1003',
    extension: '1003',
    membership: 'dynamic',
    penalty: 0,
    callsTaken: 0,
    lastCall: 0,
    lastPause: 0,
    loginTime: null,
    inCall: false,
    status: 1,
    paused,
    pausedReason,
    ringinuse: false,
    wrapuptime: 0,
    since: 0,
  };
}

function memberChange(type: QueueMemberChange['type'], m: QueueMember, cause: QueueMemberChange['cause'], at: number): DomainChange {
  return { type, pbx: 'pbx', at, member: m, cause };
}

function feed(tracker: AgentStateTracker, changes: DomainChange[]): AgentStateChange[] {
  return changes.flatMap((c) => tracker.apply(c));
}

describe('derived agent states', () => {
  it('stores the legal transitions as data: wrap-up only after a call', () => {
    expect(AGENT_TRANSITIONS['on-call']).toContain('wrap-up');
    for (const from of ['logged-out', 'ready', 'paused', 'ringing'] as const) expect(isLegalTransition(from, 'wrap-up')).toBe(false);
    expect(isLegalTransition('ready', 'ringing')).toBe(true);
    expect(isLegalTransition('paused', 'paused')).toBe(true);
  });

  it('reports an illegal transition as an anomaly instead of overwriting silently', () => {
    const tracker = new AgentStateTracker({ pbx: 'pbx', wrapUp: { defaultSeconds: 30, mode: 'timeout' } });
    feed(tracker, [memberChange('queue-member-added', member('lang-en'), 'added', 1000)]);
    expect(tracker.stateOf('1003')).toBe('ready');
    // AgentComplete for an agent the tracker never saw on the call: ready → wrap-up is not in the table.
    const out = tracker.apply({
      type: 'agent-completed',
      pbx: 'pbx',
      at: 2000,
      queue: 'lang-en',
      interface: 'PJSIP/1003',
      extension: '1003',
      linkedid: '1.0',
      callerUniqueid: '1.0',
      agentUniqueid: '1.2',
      reason: 'caller',
    });
    expect(out.find((c) => c.type === 'agent-anomaly')).toEqual({
      type: 'agent-anomaly',
      pbx: 'pbx',
      at: 2000,
      code: 'CTI_ERR_ILLEGAL_AGENT_TRANSITION',
      extension: '1003',
      from: 'ready',
      to: 'wrap-up',
      trigger: 'agent-completed',
    });
    // Applied and reported: the server resyncs; replay carries on with what Asterisk said.
    expect(tracker.stateOf('1003')).toBe('wrap-up');
  });

  it('splits intervals per queue when the agent is paused in one queue only', () => {
    const model = new PbxModel({ pbx: 'pbx' });
    const tracker = new AgentStateTracker({ pbx: 'pbx' });
    const block = { MemberName: 'Agent 1003', Interface: 'PJSIP/1003', StateInterface: 'PJSIP/1003', Membership: 'dynamic', Penalty: '0', Status: '1' };
    const events = [
      ev({ Event: 'QueueMemberAdded', Queue: 'lang-en', ...block, Paused: '0', PausedReason: '' }, 1_000),
      ev({ Event: 'QueueMemberAdded', Queue: 'lang-ar', ...block, Paused: '0', PausedReason: '' }, 1_000),
      ev({ Event: 'QueueMemberPause', Queue: 'lang-en', ...block, Paused: '1', PausedReason: 'coaching' }, 5_000),
      ev({ Event: 'QueueMemberPause', Queue: 'lang-en', ...block, Paused: '0', PausedReason: '' }, 9_000),
      ev({ Event: 'QueueMemberRemoved', Queue: 'lang-en', ...block, Paused: '0', PausedReason: '' }, 12_000),
      ev({ Event: 'QueueMemberRemoved', Queue: 'lang-ar', ...block, Paused: '0', PausedReason: '' }, 13_000),
    ];
    const out = events.flatMap((m) => model.apply(m).flatMap((c) => tracker.apply(c)));
    const rows = out.filter((c) => c.type === 'agent-interval').map((c) => (c.type === 'agent-interval' ? c.interval : null)!);
    expect(rows.map((r) => [r.state, r.reason, r.queue, r.from, r.to])).toEqual([
      ['ready', null, null, 1_000, 5_000],
      ['paused', 'coaching', 'lang-en', 5_000, 9_000],
      ['ready', null, 'lang-ar', 5_000, 9_000],
      ['ready', null, null, 9_000, 13_000],
    ]);
    // Headline: ready while any queue is ready.
    expect(out.filter((c) => c.type === 'agent-state').map((c) => (c.type === 'agent-state' ? c.state : ''))).toEqual(['ready', 'logged-out']);
  });

  it('ends wrap-up at the policy timeout and records it on the call (screen-pop, 1 s wrap-up)', () => {
    const result = replayTrace('screen-pop', { defaultSeconds: 1, mode: 'timeout' });
    expectIntervals(intervalsOf(result, '1001').slice(2), [
      ['on-call', null, null, 1795671424.256693, 1795671429.267922],
      ['wrap-up', null, null, 1795671429.267922, 1795671430.267922],
      ['ready', null, null, 1795671430.267922, 1795671430.775602],
    ]);
    expect(onlyCall(result).wrapupSeconds).toBeCloseTo(1, 3);
  });

  it('keeps manual wrap-up until something ends it: here the sign-out (screen-pop, manual)', () => {
    const result = replayTrace('screen-pop', { defaultSeconds: 0, mode: 'manual' });
    expectIntervals(intervalsOf(result, '1001').slice(2), [
      ['on-call', null, null, 1795671424.256693, 1795671429.267922],
      ['wrap-up', null, null, 1795671429.267922, 1795671430.775602], // QueueMemberRemoved
    ]);
    expect(onlyCall(result).wrapupSeconds).toBeCloseTo(1.508, 3);
  });

  it('takes the wrap-up time per queue when the policy names the queue', () => {
    const policy = { defaultSeconds: 0, perQueue: { 'lang-en': 1 }, mode: 'timeout' } as const;
    expect(replayTrace('screen-pop', policy).intervals.some((i) => i.state === 'wrap-up')).toBe(true);
    expect(replayTrace('ivr-sip-trunk', policy).intervals.some((i) => i.state === 'wrap-up')).toBe(false); // lang-ar: default 0
  });

  it('ends wrap-up at an unpause, and at endWrapUp() in manual mode', () => {
    const tracker = new AgentStateTracker({ pbx: 'pbx', wrapUp: { defaultSeconds: 0, mode: 'manual' } });
    const leg = { pbx: 'pbx', uniqueid: '1.2', linkedid: '1.0', extension: '1003' } as const;
    feed(tracker, [
      memberChange('queue-member-added', member('lang-en'), 'added', 1_000),
      { ...leg, type: 'channel-created', at: 2_000, name: 'PJSIP/1003-00000000', device: 'PJSIP/1003', kind: 'phone', state: 0 },
      { ...leg, type: 'channel-state', at: 3_000, state: 6, stateDesc: 'Up' },
      { type: 'agent-completed', pbx: 'pbx', at: 8_000, queue: 'lang-en', interface: 'PJSIP/1003', extension: '1003', linkedid: '1.0', callerUniqueid: '1.0', agentUniqueid: '1.2', reason: 'agent' },
      { ...leg, type: 'channel-hungup', at: 8_000, name: 'PJSIP/1003-00000000', cause: 16, causeText: 'Normal Clearing' },
      // The CTI server pauses the member during wrap-up: still wrap-up.
      memberChange('queue-member-updated', member('lang-en', true, 'wrapup'), 'pause', 8_100),
    ]);
    expect(tracker.stateOf('1003')).toBe('wrap-up');
    expect(tracker.wrapUpOpenFor('1.0')).toBe(true);
    const out = feed(tracker, [memberChange('queue-member-updated', member('lang-en'), 'pause', 20_000)]);
    expect(tracker.stateOf('1003')).toBe('ready');
    const closed = out.find((c) => c.type === 'agent-interval');
    expect(closed?.type === 'agent-interval' && [closed.interval.state, closed.interval.from, closed.interval.to]).toEqual(['wrap-up', 8_000, 20_000]);

    const manual = new AgentStateTracker({ pbx: 'pbx', wrapUp: { defaultSeconds: 0, mode: 'manual' } });
    feed(manual, [
      memberChange('queue-member-added', member('lang-en'), 'added', 1_000),
      { ...leg, type: 'channel-created', at: 2_000, name: 'PJSIP/1003-00000000', device: 'PJSIP/1003', kind: 'phone', state: 6 },
      { type: 'agent-completed', pbx: 'pbx', at: 8_000, queue: 'lang-en', interface: 'PJSIP/1003', extension: '1003', linkedid: '1.0', callerUniqueid: '1.0', agentUniqueid: '1.2', reason: 'caller' },
      { ...leg, type: 'channel-hungup', at: 8_000, name: 'PJSIP/1003-00000000', cause: 16, causeText: 'Normal Clearing' },
    ]);
    expect(manual.stateOf('1003')).toBe('wrap-up');
    manual.endWrapUp('1003', 15_000);
    expect(manual.stateOf('1003')).toBe('ready');
  });

  it('ends wrap-up early on a new offer, on the unpause of 1012, or at sign-out (busy-center, 60 s wrap-up)', () => {
    const result = replayTrace('busy-center', { defaultSeconds: 60, mode: 'timeout' });
    const wrapUps = result.intervals.filter((i) => i.state === 'wrap-up');
    expect(wrapUps.length).toBeGreaterThan(0);
    const signOut = 1795671701.455321 * 1000; // the first QueueMemberRemoved
    for (const w of wrapUps) {
      expect(w.to).not.toBeNull();
      expect(w.to! - w.from).toBeLessThan(60_000); // calls keep coming: no wrap-up runs its full minute
      const next = result.intervals.find((i) => i.extension === w.extension && i.from === w.to);
      if (w.to! >= signOut) expect(next).toBeUndefined();
      else if (w.extension === '1012' && Math.abs(w.to! / 1000 - 1795671658.77827) < 0.001) expect(next?.state).toBe('ready'); // QueueMemberPause Paused: 0
      else expect(next?.state).toBe('ringing'); // AgentCalled for the next caller
    }
    expect(result.anomalies).toEqual([]);
  });
});
