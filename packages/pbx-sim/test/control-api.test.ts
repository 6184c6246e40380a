import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, PbxSimUnknownEndpointError, PbxSimUnknownQueueError, startSimulatedPbx } from '../src/index.ts';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';
import { type TappedPbx, startTapped } from './support/tapped-pbx.ts';

describe('control API', () => {
  let t: TappedPbx | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('queues a placed customer call until the agent answers by hand, then connects and completes it', async () => {
    t = await startTapped();
    const { pbx } = t;
    pbx.addMember('lang-en', '1001');
    pbx.setPhone('1001', { mode: 'noanswer' });
    const call = pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    t.advance(1000);
    const waiting = pbx.snapshot().queues.find((q) => q.name === 'lang-en')!.waiting;
    expect(waiting.map((w) => w.channel)).toEqual([call.channel]);
    expect(t.named('AgentCalled')).toHaveLength(1);
    expect(pbx.answer('1001')).toBe(true);
    const connect = t.named('AgentConnect')[0]!;
    expect(connect.get('Uniqueid')).toBe(call.uniqueid);
    expect(connect.get('DestCallerIDNum')).toBe('1001');
    expect(connect.get('DestConnectedLineNum')).toBe('+15551234567');
    const bridge = pbx.snapshot().bridges[0]!;
    expect(bridge.channels).toHaveLength(2);
    t.advance(5000);
    call.hangup();
    expect(t.named('AgentComplete')[0]!.get('Reason')).toBe('caller');
    expect(t.named('AgentComplete')[0]!.get('TalkTime')).toBe('5');
    expect(call.ended).toBe(true);
    expect(pbx.snapshot().channels).toEqual([]);
    expect(pbx.snapshot().members[0]!.callsTaken).toBe(1);
  });

  it('ends the call with AgentComplete Reason agent when the agent phone hangs up', async () => {
    t = await startTapped();
    t.pbx.addMember('support', '1004');
    t.pbx.setPhone('1004', { mode: 'answer', answerAfterMs: 1000 });
    t.pbx.placeCall({ queue: 'support', callerNumber: '+15550001111', callerName: 'Agent Ends' });
    t.advance(3000);
    expect(t.pbx.hangupPhone('1004')).toBe(true);
    expect(t.named('HangupRequest', (m) => m.get('Channel')!.startsWith('PJSIP/1004'))).toHaveLength(1);
    expect(t.named('AgentComplete')[0]!.get('Reason')).toBe('agent');
    expect(t.pbx.snapshot().channels).toEqual([]);
  });

  it('lets a phone hang up on its own after its talk time', async () => {
    t = await startTapped();
    t.pbx.addMember('lang-fr', '1006');
    t.pbx.setPhone('1006', { mode: 'answer', answerAfterMs: 500, hangupAfterMs: 4000 });
    t.pbx.placeCall({ queue: 'lang-fr', callerNumber: '+33142685300', callerName: 'Pierre Martin' });
    t.advance(10_000);
    expect(t.named('AgentComplete')[0]!.get('Reason')).toBe('agent');
    expect(t.named('AgentComplete')[0]!.get('TalkTime')).toBe('4');
  });

  it('calls an extension directly and lets the customer hang up after the talk time', async () => {
    t = await startTapped();
    t.pbx.setPhone('1002', { mode: 'answer', answerAfterMs: 2000 });
    t.pbx.placeCall({ exten: '1002', callerNumber: '+15557654321', callerName: 'Bob Direct', talkMs: 4000 });
    t.advance(10_000);
    expect(t.named('DialEnd', (m) => m.get('DialStatus') === 'ANSWER')).toHaveLength(2);
    expect(t.named('BridgeEnter')).toHaveLength(2);
    expect(t.named('Hangup')).toHaveLength(3);
    expect(t.named('QueueCallerJoin')).toHaveLength(0);
  });

  it('hangs up a channel by name or Uniqueid', async () => {
    t = await startTapped();
    t.pbx.setPhone('1002', { mode: 'noanswer' });
    const call = t.pbx.placeCall({ exten: '1002', callerNumber: '+15550000001' });
    t.advance(1000);
    expect(t.pbx.hangup('no-such-channel')).toBe(false);
    expect(t.pbx.hangup(call.uniqueid)).toBe(true);
    expect(t.named('DialEnd', (m) => m.get('DialStatus') === 'CANCEL')).toHaveLength(1);
    expect(t.pbx.snapshot().channels).toEqual([]);
  });

  it('rejects unknown queues and endpoints with typed errors', async () => {
    t = await startTapped();
    expect(() => t!.pbx.placeCall({ queue: 'nope', callerNumber: '1' })).toThrow(PbxSimUnknownQueueError);
    expect(() => t!.pbx.setPhone('9999', { mode: 'busy' })).toThrow(PbxSimUnknownEndpointError);
    expect(() => t!.pbx.answer('9999')).toThrow(expect.objectContaining({ code: 'PBX_SIM_ERR_UNKNOWN_ENDPOINT' }));
  });
});

describe('restart and connection drops', () => {
  it('drops sessions, forgets dynamic members and moves CoreStartupTime and the Uniqueid epoch on restart', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0));
    const pbx = await startSimulatedPbx({ clock });
    const client = await RawAmiClient.connect(pbx.port);
    await client.login();
    const before = await client.action({ Action: 'CoreStatus' });
    pbx.addMember('lang-en', '1001');
    pbx.setPhone('1001', { mode: 'noanswer' });
    const first = pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551234567' });
    clock.advance(1000);
    expect(first.uniqueid).toBe(`${Math.floor(Date.UTC(2026, 10, 26, 9, 0, 0) / 1000)}.0`);
    clock.advance(60_000);
    pbx.restart();
    await client.waitClosed();
    expect(pbx.snapshot().members).toEqual([]);
    expect(pbx.snapshot().channels).toEqual([]);
    const again = await RawAmiClient.connect(pbx.port);
    await again.login();
    const after = await again.action({ Action: 'CoreStatus' });
    expect(after.get('CoreStartupTime')).not.toBe(before.get('CoreStartupTime'));
    pbx.setPhone('1002', { mode: 'noanswer' });
    const second = pbx.placeCall({ exten: '1002', callerNumber: '+15551234567' });
    clock.advance(1000);
    expect(second.uniqueid).toBe(`${Math.floor(clock.now() / 1000) - 1}.0`);
    expect(second.channel).toBe(first.channel);
    again.close();
    await pbx.close();
  });

  it('announces a graceful restart with a Shutdown event before closing the sessions', async () => {
    const pbx = await startSimulatedPbx({});
    const client = await RawAmiClient.connect(pbx.port);
    await client.login();
    pbx.restart({ graceful: true });
    await client.waitClosed();
    const shutdown = client.events('Shutdown')[0]!;
    expect(shutdown.get('Privilege')).toBe('system,all');
    expect(shutdown.get('Restart')).toBe('True');
    await pbx.close();
  });

  it('drops every AMI connection but keeps calls up on dropConnections', async () => {
    const clock = new ManualClock();
    const pbx = await startSimulatedPbx({ clock });
    const client = await RawAmiClient.connect(pbx.port);
    await client.login();
    pbx.setPhone('1002', { mode: 'answer', answerAfterMs: 100 });
    pbx.placeCall({ exten: '1002', callerNumber: '+15550000002' });
    clock.advance(1000);
    pbx.dropConnections();
    await client.waitClosed();
    expect(pbx.snapshot().bridges).toHaveLength(1);
    await pbx.close();
  });

  it('keeps the exact bytes each session sent', async () => {
    const pbx = await startSimulatedPbx({});
    const client = await RawAmiClient.connect(pbx.port);
    const text = 'Action: Login\r\nActionID: a-1\r\nUsername: cti\r\nSecret: ctisecret\r\n\r\nAction: Ping\r\nActionID: a-2\r\n\r\n';
    client.write(text.slice(0, 17));
    await settle();
    client.write(text.slice(17));
    await client.waitFor((m) => m.actionId === 'a-2');
    const session = pbx.sessions()[0]!;
    expect(session.receivedBytes().toString()).toBe(text);
    expect(session.received.length).toBe(2);
    expect(session.username).toBe('cti');
    client.close();
    await pbx.close();
  });
});
