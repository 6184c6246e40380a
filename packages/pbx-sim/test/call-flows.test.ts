import { afterEach, describe, expect, it } from 'vitest';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';
import { type TappedPbx, startTapped } from './support/tapped-pbx.ts';

describe('queue strategies and phone behaviour', () => {
  let t: TappedPbx | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('rings every free member with ringall and hangs up the others with cause 26 Answered elsewhere', async () => {
    t = await startTapped();
    for (const e of ['1011', '1012', '1013']) t.pbx.addMember('lang-en', e);
    t.pbx.setPhone('1011', { mode: 'noanswer' });
    t.pbx.setPhone('1012', { mode: 'answer', answerAfterMs: 2000 });
    t.pbx.setPhone('1013', { mode: 'noanswer' });
    t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15557303949', callerName: 'Ringall Caller' });
    t.advance(5000);
    expect(t.named('AgentCalled').map((m) => m.get('Interface'))).toEqual(['PJSIP/1011', 'PJSIP/1012', 'PJSIP/1013']);
    expect(t.named('AgentConnect')[0]!.get('Interface')).toBe('PJSIP/1012');
    const losers = t.named('Hangup', (m) => m.get('Cause') === '26');
    expect(losers.map((m) => m.get('Cause-txt'))).toEqual(['Answered elsewhere', 'Answered elsewhere']);
    const cancels = t.named('DialEnd', (m) => m.get('DialStatus') === 'CANCEL');
    expect(cancels).toHaveLength(4);
  });

  it('rings rrmemory members in turn, remembering where the last call went', async () => {
    t = await startTapped();
    for (const e of ['1007', '1008', '1009']) {
      t.pbx.addMember('sales', e);
      t.pbx.setPhone(e, { mode: 'answer', answerAfterMs: 500 });
    }
    for (let i = 0; i < 4; i++) {
      t.pbx.placeCall({ queue: 'sales', callerNumber: `+1555000000${i}`, talkMs: 1000 });
      t.advance(5000);
    }
    expect(t.named('AgentConnect').map((m) => m.get('Interface'))).toEqual(['PJSIP/1007', 'PJSIP/1008', 'PJSIP/1009', 'PJSIP/1007']);
  });

  it('moves on after a busy member: AgentRingNoAnswer, DialEnd BUSY, Hangup 17, next member after retry', async () => {
    t = await startTapped();
    t.pbx.addMember('support', '1004');
    t.pbx.addMember('support', '1005');
    t.pbx.setPhone('1004', { mode: 'busy', answerAfterMs: 300 });
    t.pbx.setPhone('1005', { mode: 'answer', answerAfterMs: 1000 });
    t.pbx.placeCall({ queue: 'support', callerNumber: '+15559876543' });
    t.advance(1000);
    expect(t.named('DialEnd', (m) => m.get('DialStatus') === 'BUSY')).toHaveLength(1);
    expect(t.named('Hangup', (m) => m.get('Cause') === '17')[0]!.get('Cause-txt')).toBe('User busy');
    expect(t.named('AgentCalled')).toHaveLength(1);
    t.advance(2000);
    expect(t.named('AgentCalled').map((m) => m.get('Interface'))).toEqual(['PJSIP/1004', 'PJSIP/1005']);
    t.advance(2000);
    expect(t.named('AgentConnect')[0]!.get('Interface')).toBe('PJSIP/1005');
  });

  it('reports a rejecting phone as DialStatus NOANSWER with cause 21 Call Rejected', async () => {
    t = await startTapped();
    t.pbx.setPhone('1003', { mode: 'reject', answerAfterMs: 500 });
    t.pbx.placeCall({ exten: '1003', callerNumber: '+15550000003' });
    t.advance(2000);
    expect(t.named('DialEnd', (m) => m.get('DialStatus') === 'NOANSWER')).toHaveLength(1);
    expect(t.named('Hangup', (m) => m.get('Cause') === '21')[0]!.get('Cause-txt')).toBe('Call Rejected');
    expect(t.pbx.snapshot().channels).toEqual([]);
  });

  it('does not ring a paused member, and rings it once it is unpaused', async () => {
    t = await startTapped();
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    await c.action({ Action: 'QueueAdd', Queue: 'lang-ar', Interface: 'PJSIP/1010', MemberName: 'Agent 1010', Paused: 'true', Reason: 'lunch' });
    t.pbx.setPhone('1010', { mode: 'answer', answerAfterMs: 500 });
    t.pbx.placeCall({ queue: 'lang-ar', callerNumber: '+9665000000', callerName: 'Layla Haddad' });
    t.advance(10_000);
    expect(t.named('AgentCalled')).toHaveLength(0);
    expect(t.named('QueueMemberPause')[0]!.get('PausedReason')).toBe('lunch');
    await c.action({ Action: 'QueuePause', Interface: 'PJSIP/1010', Paused: 'false' });
    t.advance(2000);
    expect(t.named('AgentConnect')).toHaveLength(1);
    c.close();
  });

  it('waits for the wrap-up time before ringing a member again', async () => {
    t = await startTapped({ queues: [{ name: 'lang-en', strategy: 'ringall', wrapuptime: 10 }] });
    t.pbx.addMember('lang-en', '1001');
    t.pbx.setPhone('1001', { mode: 'answer', answerAfterMs: 500 });
    t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551230001', talkMs: 1000 });
    t.advance(3000);
    t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551230002', talkMs: 1000 });
    t.advance(5000);
    expect(t.named('AgentCalled')).toHaveLength(1);
    t.advance(10_000);
    expect(t.named('AgentCalled')).toHaveLength(2);
  });

  it('lets a caller abandon after its patience while nobody answers', async () => {
    t = await startTapped();
    t.pbx.addMember('lang-fr', '1006');
    t.pbx.setPhone('1006', { mode: 'noanswer' });
    t.pbx.placeCall({ queue: 'lang-fr', callerNumber: '+33142685300', patienceMs: 40_000 });
    t.advance(60_000);
    const abandon = t.named('QueueCallerAbandon')[0]!;
    expect(abandon.get('HoldTime')).toBe('40');
    expect(t.named('AgentRingNoAnswer').length).toBeGreaterThanOrEqual(2);
    expect(t.named('AgentRingNoAnswer')[0]!.get('RingTime')).toBe('15000');
  });
});

describe('supervision and recording', () => {
  let t: TappedPbx | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('starts a listen-only ChanSpy on the supervisor phone through Originate and stops it when the supervisor hangs up', async () => {
    t = await startTapped();
    t.pbx.addMember('lang-en', '1001');
    t.pbx.setPhone('1001', { mode: 'answer', answerAfterMs: 500 });
    t.pbx.setPhone('1020', { mode: 'answer', answerAfterMs: 1000 });
    t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551234567' });
    t.advance(2000);
    const agentLeg = t.pbx.snapshot().channels.find((c) => c.endpoint === '1001')!;
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    const r = await c.action({
      Action: 'Originate',
      Channel: 'PJSIP/1020',
      Application: 'ChanSpy',
      Data: `${agentLeg.name},quE`,
      CallerID: '"Supervisor" <1020>',
      Async: 'true',
    });
    expect(r.get('Message')).toBe('Originate successfully queued');
    t.advance(2000);
    const start = t.named('ChanSpyStart')[0]!;
    expect(start.get('SpyerChannel')).toMatch(/^PJSIP\/1020-/);
    expect(start.get('SpyeeChannel')).toBe(agentLeg.name);
    expect(t.named('OriginateResponse', (m) => m.get('Channel')!.startsWith('PJSIP/1020-'))[0]!.get('Application')).toBe('ChanSpy');
    t.pbx.hangupPhone('1020');
    expect(t.named('ChanSpyStop')).toHaveLength(1);
    c.close();
  });

  it('starts and stops MixMonitor on a channel', async () => {
    t = await startTapped();
    t.pbx.setPhone('1002', { mode: 'answer', answerAfterMs: 500 });
    t.pbx.placeCall({ exten: '1002', callerNumber: '+15550000009' });
    t.advance(2000);
    const leg = t.pbx.snapshot().channels.find((x) => x.endpoint === '1002')!;
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    const start = await c.action({ Action: 'MixMonitor', Channel: leg.name, File: 'call.wav' });
    // As recorded (mixmonitor-start-stop): a bare Success, no MixMonitorID.
    expect(start.response).toBe('Success');
    expect(start.get('MixMonitorID')).toBeUndefined();
    const stop = await c.action({ Action: 'StopMixMonitor', Channel: leg.name });
    expect(stop.response).toBe('Success');
    await settle();
    expect(t.named('MixMonitorStart')).toHaveLength(1);
    expect(t.named('MixMonitorStop')).toHaveLength(1);
    c.close();
  });

  it('redirects a bridged caller to another extension and hangs up the agent leg', async () => {
    t = await startTapped();
    t.pbx.addMember('lang-en', '1001');
    t.pbx.setPhone('1001', { mode: 'answer', answerAfterMs: 500 });
    t.pbx.setPhone('1003', { mode: 'answer', answerAfterMs: 500 });
    const call = t.pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551234567' });
    t.advance(2000);
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    const r = await c.action({ Action: 'Redirect', Channel: call.channel, Context: 'internal', Exten: '1003', Priority: '1' });
    expect(r.get('Message')).toBe('Redirect successful');
    t.advance(2000);
    expect(t.named('AgentComplete')[0]!.get('Reason')).toBe('transfer');
    expect(t.named('BlindTransfer')).toHaveLength(0);
    const bridge = t.pbx.snapshot().bridges[0]!;
    expect(bridge.channels).toContain(call.channel);
    expect(bridge.channels.some((n) => n.startsWith('PJSIP/1003-'))).toBe(true);
    c.close();
  });
});
