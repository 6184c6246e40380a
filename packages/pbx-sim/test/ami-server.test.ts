import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, type SimulatedPbx, startSimulatedPbx } from '../src/index.ts';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';

describe('AMI server', () => {
  let pbx: SimulatedPbx | undefined;
  const clients: RawAmiClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await pbx?.close();
    pbx = undefined;
  });
  const connect = async () => {
    const c = await RawAmiClient.connect(pbx!.port);
    clients.push(c);
    return c;
  };

  it('greets with the Asterisk 22 banner and no blank line after it', async () => {
    pbx = await startSimulatedPbx({ authFailureDelayMs: 0 });
    const c = await connect();
    expect(c.banner).toBe('Asterisk Call Manager/11.0.0');
    expect(Buffer.concat(c.raw).toString()).toBe('Asterisk Call Manager/11.0.0\r\n');
  });

  it('logs in with an MD5 challenge and refuses a wrong key', async () => {
    pbx = await startSimulatedPbx({ authFailureDelayMs: 0 });
    const c = await connect();
    const ch = await c.action({ Action: 'Challenge', AuthType: 'MD5' });
    const challenge = ch.get('Challenge')!;
    expect(challenge).toMatch(/^\d+$/);
    const key = createHash('md5').update(`${challenge}ctisecret`).digest('hex');
    const ok = await c.action({ Action: 'Login', AuthType: 'MD5', Username: 'cti', Key: key });
    expect(ok.get('Message')).toBe('Authentication accepted');
    const bad = await connect();
    await bad.action({ Action: 'Challenge', AuthType: 'MD5' });
    const no = await bad.action({ Action: 'Login', AuthType: 'MD5', Username: 'cti', Key: '0'.repeat(32) });
    expect(no.get('Message')).toBe('Authentication failed');
    await bad.waitClosed();
  });

  it('sends FullyBooted then SuccessfulAuth after a login with all classes', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    await c.waitFor((m) => m.event === 'SuccessfulAuth');
    expect(c.messages.map((m) => m.event ?? m.response)).toEqual(['Success', 'FullyBooted', 'SuccessfulAuth']);
    expect(c.messages[2]!.get('AccountID')).toBe('cti');
  });

  it('answers an unknown action with the Asterisk text', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    const r = await c.action({ Action: 'FrobnicateWidgets' });
    expect(r.response).toBe('Error');
    expect(r.get('Message')).toBe('Invalid/unknown command: FrobnicateWidgets. Use Action: ListCommands to show available commands.');
  });

  it('answers Ping with Pong and a microsecond Timestamp, and Logoff with Goodbye before closing', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    const p = await c.action({ Action: 'Ping' });
    expect(p.get('Ping')).toBe('Pong');
    expect(p.get('Timestamp')).toMatch(/^\d+\.\d{6}$/);
    const bye = await c.action({ Action: 'Logoff' });
    expect(bye.response).toBe('Goodbye');
    expect(bye.get('Message')).toBe('Thanks for all the fish.');
    await c.waitClosed();
  });

  it('delivers only the classes of the Events mask', async () => {
    const clock = new ManualClock();
    pbx = await startSimulatedPbx({ clock });
    const agentOnly = await connect();
    await agentOnly.login('cti', 'ctisecret', 'agent');
    const all = await connect();
    await all.login();
    pbx.addMember('lang-en', '1001');
    await settle();
    await all.waitFor((m) => m.event === 'QueueMemberAdded');
    await agentOnly.waitFor((m) => m.event === 'QueueMemberAdded');
    expect(agentOnly.events().map((m) => m.event)).toEqual(['QueueMemberAdded']);
    expect(all.events('DeviceStateChange').length).toBeGreaterThan(0);
    const off = await agentOnly.action({ Action: 'Events', EventMask: 'off' });
    expect(off.get('Events')).toBe('Off');
    expect(off.has('Message')).toBe(false);
  });

  it('encodes each event once however many sessions read it, and every session gets the same bytes', async () => {
    const run = async (sessions: number) => {
      const clock = new ManualClock();
      const p = await startSimulatedPbx({ clock, seed: 3 });
      const cs: RawAmiClient[] = [];
      for (let i = 0; i < sessions; i++) {
        const c = await RawAmiClient.connect(p.port);
        await c.login('cti', 'ctisecret', 'call,agent,dialplan');
        cs.push(c);
      }
      const before = p.eventsEmitted;
      p.addMember('lang-en', '1001');
      p.setPhone('1001', { mode: 'answer', answerAfterMs: 1000 });
      p.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', talkMs: 3000 });
      clock.advance(10_000);
      await settle(20);
      const encoded = p.eventsEmitted - before;
      const texts = cs.map((c) => Buffer.concat(c.raw).toString().replace(/ActionID: [^\r]*\r\n/g, ''));
      for (const c of cs) c.close();
      await p.close();
      return { encoded, texts };
    };
    const one = await run(1);
    const many = await run(12);
    expect(one.encoded).toBeGreaterThan(100);
    expect(many.encoded).toBe(one.encoded);
    for (const text of many.texts) expect(text).toBe(many.texts[0]);
  });

  it('omits the noisy classes entirely when noise is off', async () => {
    const clock = new ManualClock();
    pbx = await startSimulatedPbx({ clock, noise: false });
    const c = await connect();
    await c.login();
    pbx.addMember('lang-en', '1001');
    pbx.setPhone('1001', { mode: 'answer', answerAfterMs: 1000 });
    pbx.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', talkMs: 12_000 });
    clock.advance(20_000);
    await settle(20);
    const names = new Set(c.events().map((m) => m.event));
    expect(names.has('AgentComplete')).toBe(true);
    for (const noisy of ['VarSet', 'Newexten', 'RTCPSent', 'RTCPReceived', 'Cdr']) expect(names.has(noisy)).toBe(false);
  });

  it('lists without ActionID headers when the action had none', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    c.write('Action: QueueSummary\r\n\r\n');
    const done = await c.waitFor((m) => m.event === 'QueueSummaryComplete');
    expect(done.has('ActionID')).toBe(false);
    expect(done.get('EventList')).toBe('Complete');
    expect(done.get('ListItems')).toBe('5');
    expect(c.events('QueueSummary').every((m) => !m.has('ActionID'))).toBe(true);
  });

  it('answers QueuePenalty and reports QueueMemberPenalty', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    await c.action({ Action: 'QueueAdd', Queue: 'sales', Interface: 'PJSIP/1007', MemberName: 'Agent 1007' });
    const r = await c.action({ Action: 'QueuePenalty', Interface: 'PJSIP/1007', Penalty: '3' });
    expect(r.get('Message')).toBe('Interface penalty set successfully');
    const ev = await c.waitFor((m) => m.event === 'QueueMemberPenalty');
    expect(ev.get('Penalty')).toBe('3');
    const dup = await c.action({ Action: 'QueueAdd', Queue: 'sales', Interface: 'PJSIP/1007' });
    expect(dup.get('Message')).toBe('Unable to add interface: Already there');
    const gone = await c.action({ Action: 'QueueRemove', Queue: 'sales', Interface: 'PJSIP/1009' });
    expect(gone.get('Message')).toBe('Unable to remove interface: Not there');
  });

  it('refuses Originate to a missing extension and an invalid channel before queueing it', async () => {
    pbx = await startSimulatedPbx();
    const c = await connect();
    await c.login();
    const noExten = await c.action({ Action: 'Originate', Channel: 'PJSIP/1001', Context: 'internal', Exten: '4242', Priority: '1', Async: 'true' });
    expect(noExten.get('Message')).toBe('Extension does not exist.');
    const badChan = await c.action({ Action: 'Originate', Channel: 'IAX2/nowhere', Context: 'internal', Exten: '1002', Priority: '1', Async: 'true' });
    expect(badChan.get('Message')).toBe('Invalid channel');
  });
});

describe('slow readers', () => {
  it('cuts off a session whose unread output grows past maxOutputBytes while others keep their stream', async () => {
    const clock = new ManualClock();
    const pbx = await startSimulatedPbx({ clock, maxOutputBytes: 64 * 1024 });
    const slow = await RawAmiClient.connect(pbx.port);
    await slow.login();
    slow.socket.pause();
    const fast = await RawAmiClient.connect(pbx.port);
    await fast.login();
    pbx.startGenerator({ agents: 6, rate: 5, talkTimeMs: { mean: 5000 } });
    for (let i = 0; i < 60; i++) {
      clock.advance(1000);
      await settle(3);
    }
    await settle(20);
    const sessions = pbx.sessions();
    expect(sessions[0]!.closed).toBe(true);
    expect(sessions[1]!.closed).toBe(false);
    expect(fast.events('AgentConnect').length).toBeGreaterThan(0);
    slow.close();
    fast.close();
    await pbx.close();
  });
});
