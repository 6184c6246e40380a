import { describe, expect, it } from 'vitest';
import { expectFields, expectIntervals, intervalsOf, onlyCall, replayTrace } from './helpers.ts';

describe('transfers, replayed from the recorded transcripts', () => {
  it('keeps one record when 1001 blind-transfers Tina to 1002, who answers and talks until she hangs up (blind-transfer)', () => {
    const result = replayTrace('blind-transfer');
    expectFields(onlyCall(result), {
      linkedid: '1795671529.0',
      direction: 'inbound-queue',
      queue: 'lang-en',
      callerName: 'Tina Transfer',
      callerNumber: '+15551112222',
      agentsOffered: ['1001'], // 1002 was dialled by the transfer, not offered by the queue
      answeredBy: '1001',
      finalAgent: '1002',
      ringing: [
        { extension: '1001', queue: 'lang-en', from: 1795671529.193397, to: 1795671531.209603, seconds: 2.016, result: 'answered' },
        { extension: '1002', queue: null, from: 1795671534.224017, to: 1795671536.23128, seconds: 2.007, result: 'answered' },
      ],
      waitSeconds: 2.021, // 529.190192 → 531.210953
      ringSeconds: 4.023,
      agent: '1001',
      // 1001's own talk, as queue_log and AgentComplete (TalkTime: 3) count it: 531.209603 → BlindTransfer 534.216445
      talkSeconds: 3.007,
      segments: [
        { extension: '1001', role: 'agent', queue: 'lang-en', waitSeconds: 2.019, answeredAt: 1795671531.209603, endedAt: 1795671534.216445, talkSeconds: 3.007, end: 'transfer' },
        // 1002 from its answer to the caller's SoftHangupRequest on ;2
        { extension: '1002', role: 'agent', queue: null, waitSeconds: null, answeredAt: 1795671536.23128, endedAt: 1795671540.239614, talkSeconds: 4.008, end: 'hangup' },
      ],
      holdSeconds: 0, // the spurious Unhold before BlindTransfer has no Hold
      outcome: 'answered',
      transferred: true,
      // BlindTransfer: TransfererChannel PJSIP/1001-00000000, Extension: 1002
      transfers: [{ type: 'blind', from: '1001', to: '1002', at: 1795671534.216445 }],
      hangupBy: 'caller', // AgentComplete said transfer; then the caller's ;2 hung up first
      endedAt: 1795671540.244215,
    });
    expectIntervals(intervalsOf(result, '1001'), [
      ['ready', null, null, 1795671528.1814, 1795671529.193397],
      ['ringing', null, null, 1795671529.193397, 1795671531.209603],
      ['on-call', null, null, 1795671531.209603, 1795671534.224017], // → Hangup of 1001's leg after the transfer
      ['ready', null, null, 1795671534.224017, 1795671542.250112],
    ]);
  });

  it('keeps one record through an attended transfer from 1001 to 1002, with the consult hold (attended-transfer)', () => {
    const result = replayTrace('attended-transfer');
    expectFields(onlyCall(result), {
      linkedid: '1795671553.0', // the consult legs Local/1002@internal;1/;2 carry the caller's Linkedid too
      queue: 'lang-en',
      callerName: 'Alan Attended',
      agentsOffered: ['1001'],
      answeredBy: '1001',
      finalAgent: '1002',
      ringing: [
        { extension: '1001', queue: 'lang-en', from: 1795671553.171342, to: 1795671555.181899, seconds: 2.011, result: 'answered' },
        { extension: '1002', queue: null, from: 1795671558.624933, to: 1795671560.634016, seconds: 2.009, result: 'answered' },
      ],
      waitSeconds: 2.017, // 553.171342 → 555.188098
      holdSeconds: 5.207, // Hold on PJSIP/1001 558.437356 → its Hangup 563.644489 (no Unhold)
      agent: '1001',
      // 1001's talk until the AttendedTransfer (AgentComplete TalkTime: 8), consultation included: 555.181899 → 563.644489
      talkSeconds: 8.463,
      segments: [
        { extension: '1001', role: 'agent', queue: 'lang-en', answeredAt: 1795671555.181899, endedAt: 1795671563.644489, talkSeconds: 8.463, end: 'transfer' },
        // 1002 holds the call from the transfer to the caller's SoftHangupRequest on ;2 (567.649614)
        { extension: '1002', role: 'agent', queue: null, answeredAt: 1795671563.644489, endedAt: 1795671567.649614, talkSeconds: 4.005, end: 'hangup' },
      ],
      outcome: 'answered',
      transferred: true,
      transfers: [{ type: 'attended', from: '1001', to: '1002', at: 1795671563.644489 }],
      // 1001's own hangup completed the transfer: it does not count; the caller hung up at the end
      hangupBy: 'caller',
      endedAt: 1795671567.657909,
    });
    expectIntervals(intervalsOf(result, '1001'), [
      ['ready', null, null, 1795671552.163042, 1795671553.171342],
      ['ringing', null, null, 1795671553.171342, 1795671555.181899],
      ['on-call', null, null, 1795671555.181899, 1795671563.644489],
      ['ready', null, null, 1795671563.644489, 1795671569.666282],
    ]);
    expect(result.anomalies).toEqual([]);
  });

  it('puts the transferring agent into wrap-up with the transferred call as its subject', () => {
    const result = replayTrace('blind-transfer', { defaultSeconds: 5, mode: 'timeout' });
    const wrap = result.intervals.filter((i) => i.state === 'wrap-up');
    expect(wrap).toHaveLength(1);
    expect(wrap[0]!.extension).toBe('1001');
    expect(wrap[0]!.linkedid).toBe('1795671529.0');
    expect(wrap[0]!.callQueue).toBe('lang-en');
    expect(wrap[0]!.from / 1000).toBeCloseTo(1795671534.224017, 3);
    expect(wrap[0]!.to! / 1000).toBeCloseTo(1795671539.224017, 3);
    expect(onlyCall(result).wrapupSeconds).toBeCloseTo(5, 3);
  });
});
