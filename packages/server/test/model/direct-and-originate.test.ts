import { describe, expect, it } from 'vitest';
import { expectFields, onlyCall, replayTrace } from './helpers.ts';

describe('calls without a queue, replayed from the recorded transcripts', () => {
  it('records Bob calling extension 1002 straight from the trunk, answered after 2 s (direct-call)', () => {
    const result = replayTrace('direct-call');
    const call = onlyCall(result);
    expectFields(call, {
      linkedid: '1795671441.0',
      direction: 'inbound-direct', // origin Local/+15557654321@trunk-sim: not an extension
      queue: null,
      queues: [],
      callerNumber: '+15557654321',
      callerName: 'Bob Direct',
      calledNumber: '1002', // OriginateResponse Exten: 1002
      language: 'en', // VarSet __CUSTOMER_LANG in from-trunk _10XX
      agentsOffered: [], // no AgentCalled without a queue
      answeredBy: '1002',
      finalAgent: '1002',
      ringing: [{ extension: '1002', queue: null, from: 1795671441.02181, to: 1795671443.031544, seconds: 2.01, result: 'answered' }],
      waitSeconds: 2.018, // Newchannel ;1 441.013771 → DialEnd ANSWER 443.031544
      ringSeconds: 2.01,
      talkSeconds: 4.009, // → SoftHangupRequest on ;2 447.04059
      holdSeconds: 0,
      outcome: 'answered',
      transferred: false,
      hangupBy: 'caller',
      hangupCause: 16,
      startedAt: 1795671441.013771,
      answeredAt: 1795671443.031544,
      endedAt: 1795671447.044507,
    });
    // Local ;1/;2 halves and the phone leg are one call, not three.
    expect(result.calls).toHaveLength(1);
    // 1002 is not in any queue: no agent intervals.
    expect(result.intervals).toEqual([]);
  });

  it('records a click-to-dial from 1001 to 1002 as an originate, hung up by the agent (originate-click-to-dial)', () => {
    const result = replayTrace('originate-click-to-dial');
    expectFields(onlyCall(result), {
      linkedid: '1795671580.0',
      direction: 'originate', // DialBegin without a calling channel, then OriginateResponse for PJSIP/1001
      queue: null,
      callerNumber: '1001',
      callerName: 'Agent 1001',
      calledNumber: '1002',
      language: null,
      agentsOffered: [],
      answeredBy: '1002', // the originating leg answering is not the call being answered
      ringing: [{ extension: '1002', queue: null, from: 1795671582.161579, to: 1795671584.170386, seconds: 2.009, result: 'answered' }],
      waitSeconds: 4.024, // 580.145943 → 584.170386
      talkSeconds: 8.036, // → HangupRequest PJSIP/1001 at 592.206485 (the phone's BYE)
      outcome: 'answered',
      hangupBy: 'agent',
      hangupCause: 16,
      startedAt: 1795671580.145943,
      answeredAt: 1795671584.170386,
      endedAt: 1795671592.224887,
    });
  });
});
