import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startPort } from './support/fakes.ts';
import { AmiClientClass, createManager, type Manager, managerAction } from './support/third-party.ts';

const newchannel = (ext: string, n: number): Array<[string, string]> => [
  ['Event', 'Newchannel'],
  ['Privilege', 'call,all'],
  ['Channel', `PJSIP/${ext}-0000000${n}`],
  ['ChannelState', '0'],
  ['ChannelStateDesc', 'Down'],
  ['CallerIDNum', ext],
  ['Context', 'internal'],
  ['Exten', 's'],
  ['Uniqueid', `1795671600.${n}`],
  ['Linkedid', `1795671600.${n}`],
];

const refusedActions: Array<Record<string, string>> = [
  { Action: 'Command', Command: 'core stop now' },
  { Action: 'Originate', Channel: 'PJSIP/1003', Application: 'System', Data: 'touch /tmp/x' },
  { Action: 'QueueAdd', Queue: 'lang-en', Interface: 'PJSIP/1004' },
  { Action: 'Setvar', Variable: 'X', Value: '1' },
  { Action: 'GetVar', Variable: 'SHELL(id)' },
  { Action: 'UserEvent', UserEvent: 'x' },
  { Action: 'DBPut', Family: 'f', Key: 'k', Val: 'v' },
  { Action: 'Reload' },
  { Action: 'BridgeKick', BridgeUniqueid: 'b', Channel: 'PJSIP/1004-00000001' },
  { Action: 'QueueReset', Queue: 'lang-en' },
];

let harness: Harness | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await harness?.close();
  harness = undefined;
});

describe('the npm package asterisk-manager against the AMI port', () => {
  async function connectManager(h: Harness): Promise<{ manager: Manager; events: Array<Record<string, string>> }> {
    const manager = createManager(h.port, '127.0.0.1', 'agent1003', 'pw-1003', true);
    cleanups.push(() => manager.disconnect());
    const events: Array<Record<string, string>> = [];
    manager.on('managerevent', (e) => events.push(e));
    // asterisk-manager holds actions until its login succeeded, so the first answer proves the login.
    const pong = await managerAction(manager, { action: 'Ping' });
    expect(pong.ping).toBe('Pong');
    return { manager, events };
  }

  it('logs in with CTI credentials and receives only the events of its own extension', async () => {
    harness = await startPort();
    const { events } = await connectManager(harness);
    harness.events.emit(newchannel('1004', 1));
    harness.events.emit(newchannel('1003', 2));
    await eventually(() => events.some((e) => e.event === 'Newchannel'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.filter((e) => e.event === 'Newchannel').map((e) => e.channel)).toEqual(['PJSIP/1003-00000002']);
  });

  it('forwards QueuePause for its own interface, and only that, to the PBX', async () => {
    harness = await startPort();
    const { manager } = await connectManager(harness);
    const res = await managerAction(manager, { action: 'QueuePause', interface: 'PJSIP/1003', paused: 'true', queue: 'lang-en', reason: 'lunch' });
    expect(res.response).toBe('Success');
    expect(res.message).toBe('QueuePause done');
    expect(harness.upstream.received).toEqual([
      {
        pbxId: 'pbx1',
        action: [
          ['Action', 'QueuePause'],
          ['Queue', 'lang-en'],
          ['Interface', 'PJSIP/1003'],
          ['Paused', 'true'],
          ['Reason', 'lunch'],
        ],
      },
    ]);
  });

  it('gets Permission denied for Command, Originate with an Application and another agent’s QueueAdd; nothing reaches the PBX', async () => {
    harness = await startPort();
    const { manager } = await connectManager(harness);
    for (const action of refusedActions) {
      const lowered = Object.fromEntries(Object.entries(action).map(([k, v]) => [k.toLowerCase(), v]));
      const res = await managerAction(manager, lowered);
      expect([action.Action, res.response, res.message]).toEqual([action.Action, 'Error', 'Permission denied']);
    }
    expect(harness.upstream.received).toEqual([]);
    const refused = harness.audit.filter((a) => a.result === 'error');
    expect(refused.map((a) => a.command.toLowerCase())).toEqual(refusedActions.map((a) => a.Action!.toLowerCase()));
    expect(new Set(refused.map((a) => a.errorCode))).toEqual(new Set(['CTI_ERR_FORBIDDEN']));
    expect(refused[0]).toMatchObject({ userId: 'u-1003', username: 'agent1003', channel: 'ami' });
  });
});

describe('the npm package asterisk-ami-client against the AMI port', () => {
  async function connectClient(h: Harness) {
    const client = new AmiClientClass({ reconnect: false, keepAlive: false });
    cleanups.push(() => client.disconnect());
    const events: Array<Record<string, string>> = [];
    client.on('event', (e) => events.push(e));
    await client.connect('agent1003', 'pw-1003', { host: '127.0.0.1', port: h.port });
    return { client, events };
  }

  it('logs in, pings, and receives only its own extension’s events', async () => {
    harness = await startPort();
    const { client, events } = await connectClient(harness);
    const pong = await client.action({ Action: 'Ping' }, true);
    expect(pong.Ping).toBe('Pong');
    harness.events.emit(newchannel('1004', 3));
    harness.events.emit(newchannel('1003', 4));
    await eventually(() => events.some((e) => e.Event === 'Newchannel'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.filter((e) => e.Event === 'Newchannel').map((e) => e.Channel)).toEqual(['PJSIP/1003-00000004']);
  });

  it('pauses its own interface through the PBX and is refused everything outside its scope', async () => {
    harness = await startPort();
    const { client } = await connectClient(harness);
    const ok = await client.action({ Action: 'QueuePause', Interface: 'PJSIP/1003', Paused: 'false', Queue: 'lang-en' }, true);
    expect(ok.Response).toBe('Success');
    for (const action of refusedActions) {
      const res = await client.action({ ...action }, true);
      expect([action.Action, res.Response, res.Message]).toEqual([action.Action, 'Error', 'Permission denied']);
    }
    expect(harness.upstream.received.map((r) => r.action[0]![1])).toEqual(['QueuePause']);
  });
});
