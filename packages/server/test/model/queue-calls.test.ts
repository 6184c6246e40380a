import { describe, expect, it } from 'vitest';
import { expectFields, expectIntervals, intervalsOf, onlyCall, replayTrace } from './helpers.ts';

// Expected values are read off each transcript's timeline.jsonl (python3 tools/flow.py <trace>):
// times are the `t` of the named events, durations their differences.

describe('queue calls replayed from the recorded transcripts', () => {
  it('rings 1001 and pops Jane Customer when she joins lang-en; 1001 answers and she hangs up (screen-pop)', () => {
    const result = replayTrace('screen-pop');
    const call = onlyCall(result);
    expect(Object.keys(call).sort()).toEqual(
      [
        'agent', 'agentsOffered', 'answeredAt', 'answeredBy', 'callerName', 'callerNumber', 'calledNumber', 'customer', 'direction', 'endedAt',
        'finalAgent', 'hangupBy', 'hangupCause', 'hangupCauseText', 'holdSeconds', 'language', 'linkedid', 'outcome', 'pbx', 'queue',
        'queues', 'ringSeconds', 'ringing', 'segments', 'startedAt', 'supervision', 'talkSeconds', 'transferred', 'transfers', 'type', 'waitSeconds', 'wrapupSeconds',
      ].sort(),
    );
    expectFields(call, {
      type: 'call',
      pbx: 'pbx',
      linkedid: '1795671421.0', // Uniqueid of Local/+15551234567@trunk-sim-00000000;1, the first leg
      direction: 'inbound-queue',
      queue: 'lang-en',
      queues: ['lang-en'],
      callerNumber: '+15551234567',
      callerName: 'Jane Customer',
      calledNumber: 'en', // OriginateResponse Exten: en (from-trunk,en)
      customer: null,
      language: 'en', // VarSet __CUSTOMER_LANG: en
      agentsOffered: ['1001'],
      answeredBy: '1001',
      finalAgent: '1001',
      // AgentCalled 421.236694 → DialEnd ANSWER 424.256693
      ringing: [{ extension: '1001', queue: 'lang-en', from: 1795671421.236694, to: 1795671424.256693, seconds: 3.02, result: 'answered' }],
      waitSeconds: 3.025, // QueueCallerJoin 421.231523 → QueueCallerLeave 424.256693 (HoldTime: 3)
      ringSeconds: 3.02,
      talkSeconds: 5.01, // answer 424.256693 → SoftHangupRequest on ;2 at 429.266808 (TalkTime: 5)
      holdSeconds: 0,
      wrapupSeconds: 0,
      outcome: 'answered',
      transferred: false,
      transfers: [],
      hangupBy: 'caller', // AgentComplete Reason: caller
      hangupCause: 16,
      hangupCauseText: 'Normal Clearing',
      startedAt: 1795671421.222953, // Newchannel ;1
      answeredAt: 1795671424.256693,
      endedAt: 1795671429.267922, // Hangup PJSIP/1001-00000000, the last leg
    });
    expectIntervals(intervalsOf(result, '1001'), [
      ['ready', null, null, 1795671420.217771, 1795671421.236694], // QueueMemberAdded → AgentCalled
      ['ringing', null, null, 1795671421.236694, 1795671424.256693],
      ['on-call', null, null, 1795671424.256693, 1795671429.267922], // → Hangup of the agent leg
      ['ready', null, null, 1795671429.267922, 1795671430.775602], // → QueueMemberRemoved
    ]);
    expect(result.anomalies).toEqual([]);
  });

  it('treats a SIP trunk caller as one leg and takes the DID as the called number (screen-pop-sip-trunk)', () => {
    const result = replayTrace('screen-pop-sip-trunk');
    expectFields(onlyCall(result), {
      linkedid: '1795671729.0',
      direction: 'inbound-queue',
      queue: 'lang-en',
      callerNumber: '+15551234567',
      callerName: 'Jane Customer',
      calledNumber: '5550100', // Newchannel PJSIP/lab-trunk-00000000 Exten: 5550100
      language: 'en',
      agentsOffered: ['1001'],
      answeredBy: '1001',
      ringing: [{ extension: '1001', queue: 'lang-en', from: 1795671729.188833, to: 1795671732.202608, seconds: 3.014, result: 'answered' }],
      waitSeconds: 3.02, // QueueCallerJoin 729.187163 → QueueCallerLeave 732.206725
      talkSeconds: 5.016, // 732.202608 → HangupRequest on the trunk leg 737.218129 (the BYE)
      outcome: 'answered',
      hangupBy: 'caller',
      hangupCause: 16,
      startedAt: 1795671729.160869,
      answeredAt: 1795671732.202608,
      endedAt: 1795671737.223038,
    });
    expectIntervals(intervalsOf(result, '1001'), [
      ['ready', null, null, 1795671728.147843, 1795671729.188833],
      ['ringing', null, null, 1795671729.188833, 1795671732.202608],
      ['on-call', null, null, 1795671732.202608, 1795671737.223038],
      ['ready', null, null, 1795671737.223038, 1795671738.727283],
    ]);
  });

  it('routes the IVR caller who pressed 2 to lang-ar and answers on 1007 (ivr-sip-trunk)', () => {
    const result = replayTrace('ivr-sip-trunk');
    expectFields(onlyCall(result), {
      direction: 'inbound-queue',
      queue: 'lang-ar',
      callerNumber: '+966501234567',
      callerName: 'Omar Customer',
      calledNumber: '5550199',
      language: 'ar', // VarSet __CUSTOMER_LANG: ar
      agentsOffered: ['1007'],
      answeredBy: '1007',
      waitSeconds: 2.02, // QueueCallerJoin 901.292341 → QueueCallerLeave 903.312064
      ringSeconds: 2.013, // 901.292341 → 903.304971
      talkSeconds: 4.027, // 903.304971 → HangupRequest 907.331765
      outcome: 'answered',
      hangupBy: 'caller',
      startedAt: 1795671899.574165, // the IVR time counts towards the call, not the queue wait
      answeredAt: 1795671903.304971,
      endedAt: 1795671907.356315,
    });
    expectIntervals(intervalsOf(result, '1007'), [
      ['ready', null, null, 1795671898.556808, 1795671901.292341],
      ['ringing', null, null, 1795671901.292341, 1795671903.304971],
      ['on-call', null, null, 1795671903.304971, 1795671907.356315],
      ['ready', null, null, 1795671907.356315, 1795671909.364605],
    ]);
  });

  it('offers the support caller to 1004, then after the 15 s timeout to 1005 who answers (ring-no-answer)', () => {
    const result = replayTrace('ring-no-answer');
    expectFields(onlyCall(result), {
      queue: 'support',
      callerNumber: '+15559876543',
      callerName: 'Ralph Retry',
      calledNumber: 'support',
      language: 'en', // no lang- queue: from __CUSTOMER_LANG
      agentsOffered: ['1004', '1005'],
      answeredBy: '1005',
      ringing: [
        // AgentRingNoAnswer (RingTime: 15000 ms) then DialEnd NOANSWER and CANCEL: the first outcome counts
        { extension: '1004', queue: 'support', from: 1795671492.993025, to: 1795671507.997003, seconds: 15.004, result: 'no-answer' },
        { extension: '1005', queue: 'support', from: 1795671510.000349, to: 1795671512.00794, seconds: 2.008, result: 'answered' },
      ],
      waitSeconds: 19.022, // 492.990178 → 512.012179
      ringSeconds: 17.012, // 15.004 + 2.008: the 2 s retry gap rings nobody
      talkSeconds: 4.019,
      outcome: 'answered',
      hangupBy: 'caller',
    });
    expectIntervals(intervalsOf(result, '1004'), [
      ['ready', null, null, 1795671491.979262, 1795671492.993025],
      ['ringing', null, null, 1795671492.993025, 1795671507.997003],
      ['ready', null, null, 1795671507.997003, 1795671518.03491],
    ]);
    expectIntervals(intervalsOf(result, '1005'), [
      ['ready', null, null, 1795671491.980337, 1795671510.000349],
      ['ringing', null, null, 1795671510.000349, 1795671512.00794],
      ['on-call', null, null, 1795671512.00794, 1795671516.041866],
      ['ready', null, null, 1795671516.041866, 1795671518.037029],
    ]);
  });

  it('records an abandon when Pierre hangs up while 1006 is still ringing (abandon)', () => {
    const result = replayTrace('abandon');
    expectFields(onlyCall(result), {
      queue: 'lang-fr',
      callerNumber: '+33142685300',
      callerName: 'Pierre Abandon',
      language: 'fr',
      agentsOffered: ['1006'],
      answeredBy: null,
      finalAgent: null,
      // two DialEnd CANCEL for the leg, no AgentRingNoAnswer
      ringing: [{ extension: '1006', queue: 'lang-fr', from: 1795671459.214869, to: 1795671464.221347, seconds: 5.006, result: 'cancelled' }],
      waitSeconds: 5.013, // QueueCallerJoin 459.211309 → QueueCallerLeave 464.22401 (QueueCallerAbandon HoldTime: 5)
      ringSeconds: 5.006,
      talkSeconds: 0,
      outcome: 'abandoned',
      hangupBy: 'caller',
      answeredAt: null,
      endedAt: 1795671464.22401,
    });
    expectIntervals(intervalsOf(result, '1006'), [
      ['ready', null, null, 1795671458.203543, 1795671459.214869],
      ['ringing', null, null, 1795671459.214869, 1795671464.221347], // → DialEnd CANCEL (the leg hangs up 3 ms later)
      ['ready', null, null, 1795671464.221347, 1795671465.728734],
    ]);
  });

  it('records an abandon from an empty queue with nobody offered (abandon-empty)', () => {
    const result = replayTrace('abandon-empty');
    expectFields(onlyCall(result), {
      queue: 'lang-fr',
      callerName: 'Marie Empty',
      callerNumber: '+33142685301',
      agentsOffered: [],
      ringing: [],
      waitSeconds: 5.008, // 476.067705 → 481.075716 (HoldTime: 5)
      ringSeconds: 0,
      outcome: 'abandoned',
      hangupBy: 'caller',
      startedAt: 1795671476.064108,
      endedAt: 1795671481.075716,
    });
    expect(result.intervals).toEqual([]);
  });

  it('builds the same record from the read=call,agent stream, without VarSet (permissions-limited)', () => {
    const result = replayTrace('permissions-limited');
    expectFields(onlyCall(result), {
      queue: 'lang-en',
      callerName: 'Jane Customer',
      language: 'en', // no VarSet for this user: taken from the queue name lang-en
      answeredBy: '1001',
      outcome: 'answered',
      hangupBy: 'caller',
    });
  });
});
