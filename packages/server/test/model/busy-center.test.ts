import { describe, expect, it } from 'vitest';
import { callOf, expectFields, replayTrace } from './helpers.ts';

// busy-center: 6 agents (1011-1013 lang-en, 1014-1016 lang-ar, 1013 also in lang-ar), 20 calls
// "Customer 01" … "Customer 20". Counts below were taken from the transcript's QueueCallerJoin,
// AgentConnect (Queue, Interface), QueueCallerAbandon and AgentComplete (Reason) events.
describe('busy contact centre, 20 calls over 100 s (busy-center)', () => {
  const result = replayTrace('busy-center');

  it('produces one record per caller: 18 answered, 2 abandoned', () => {
    expect(result.calls).toHaveLength(20);
    expect(result.unfinishedCalls).toEqual([]);
    const names = result.calls.map((c) => c.callerName).sort();
    expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `Customer ${String(i + 1).padStart(2, '0')}`));
    expect(result.calls.filter((c) => c.outcome === 'answered')).toHaveLength(18);
    expect(result.calls.filter((c) => c.outcome === 'abandoned').map((c) => c.callerName).sort()).toEqual(['Customer 19', 'Customer 20']);
    expect(result.calls.every((c) => c.direction === 'inbound-queue')).toBe(true);
    expect(result.anomalies).toEqual([]);
  });

  it('counts 15 lang-en and 5 lang-ar calls, every lang-ar call answered', () => {
    const byQueue = (q: string) => result.calls.filter((c) => c.queue === q);
    expect(byQueue('lang-en')).toHaveLength(15);
    expect(byQueue('lang-ar')).toHaveLength(5);
    expect(byQueue('lang-ar').every((c) => c.outcome === 'answered' && c.language === 'ar')).toBe(true);
    expect(byQueue('lang-en').every((c) => c.language === 'en')).toBe(true);
  });

  it('credits each agent with the calls AgentConnect gave it', () => {
    const answered: Record<string, number> = {};
    for (const c of result.calls) if (c.answeredBy !== null) answered[c.answeredBy] = (answered[c.answeredBy] ?? 0) + 1;
    expect(answered).toEqual({ '1011': 3, '1012': 5, '1013': 5, '1014': 2, '1015': 1, '1016': 2 });
    // 1013 is in both queues but only ever answered lang-en calls.
    expect(result.calls.filter((c) => c.answeredBy === '1013').every((c) => c.queue === 'lang-en')).toBe(true);
  });

  it('rings all three lang-en agents for Customer 01 and keeps the losers as cancelled', () => {
    expectFields(callOf(result, 'Customer 01'), {
      linkedid: '1795671608.0',
      callerNumber: '+15557303949',
      agentsOffered: ['1013', '1012', '1011'], // AgentCalled order
      answeredBy: '1012',
      ringing: [
        { extension: '1013', from: 1795671608.10227, to: 1795671610.12098, result: 'cancelled' },
        { extension: '1012', from: 1795671608.107625, to: 1795671610.12098, result: 'answered' },
        { extension: '1011', from: 1795671608.118446, to: 1795671610.12098, result: 'cancelled' },
      ],
      waitSeconds: 2.031, // QueueCallerJoin 608.092955 → QueueCallerLeave 610.124123
      talkSeconds: 10.009, // 610.12098 → SoftHangupRequest ;2 620.130426 (TalkTime: 10)
      hangupBy: 'caller',
      outcome: 'answered',
    });
  });

  it('sees that agents hung up on Customer 02 and Customer 15 (AgentComplete Reason: agent)', () => {
    const byAgent = result.calls.filter((c) => c.hangupBy === 'agent').map((c) => c.callerName).sort();
    expect(byAgent).toEqual(['Customer 02', 'Customer 15']);
    expectFields(callOf(result, 'Customer 02'), { answeredBy: '1013', agentsOffered: ['1013', '1011'], waitSeconds: 4.021 });
    expect(result.calls.filter((c) => c.hangupBy === 'caller')).toHaveLength(18);
  });

  it('reports the two abandons with their queue waits (HoldTime 32 and 26)', () => {
    expectFields(callOf(result, 'Customer 19'), {
      queue: 'lang-en',
      agentsOffered: ['1011'], // offered at 691.660389, cancelled when the caller gave up
      answeredBy: null,
      waitSeconds: 32.023, // QueueCallerJoin 661.634884 → QueueCallerLeave 693.657943
      talkSeconds: 0,
      outcome: 'abandoned',
      hangupBy: 'caller',
    });
    expectFields(callOf(result, 'Customer 20'), {
      queue: 'lang-en',
      agentsOffered: [],
      waitSeconds: 26.027, // 662.651938 → 688.678547
      outcome: 'abandoned',
      hangupBy: 'caller',
    });
  });

  it('shows 1012 paused for lunch from the end of the call it was on until the unpause', () => {
    const rows = result.intervals.filter((i) => i.extension === '1012');
    const paused = rows.filter((i) => i.state === 'paused');
    expect(paused).toHaveLength(1);
    const p = paused[0]!;
    expect(p.reason).toBe('lunch');
    expect(p.queue).toBeNull();
    expect(p.to! / 1000).toBeCloseTo(1795671658.77827, 3); // QueueMemberPause Paused: 0
    // QueueMemberPause Paused: 1 came at 646.487418 while 1012 was on a call: the pause shows once the call is over.
    const before = rows[rows.indexOf(p) - 1]!;
    expect(before.state).toBe('on-call');
    expect(before.from / 1000).toBeLessThan(1795671646.487418);
    expect(before.to).toBe(p.from);
    expect(rows[rows.indexOf(p) + 1]!.state).toBe('ready');
  });

  it('gives every agent one on-call interval per answered call and signs all of them out at the end', () => {
    for (const ext of ['1011', '1012', '1013', '1014', '1015', '1016']) {
      const rows = result.intervals.filter((i) => i.extension === ext);
      const answered = result.calls.filter((c) => c.answeredBy === ext).length;
      expect(rows.filter((i) => i.state === 'on-call'), ext).toHaveLength(answered);
      expect(rows.every((i) => i.to !== null)).toBe(true);
      expect(result.tracker.stateOf(ext)).toBe('logged-out');
    }
    // QueueMemberRemoved of PJSIP/1016 at 701.458098 closes 1016's last interval.
    const last = result.intervals.filter((i) => i.extension === '1016').at(-1)!;
    expect(last.to! / 1000).toBeCloseTo(1795671701.458098, 3);
  });
});
