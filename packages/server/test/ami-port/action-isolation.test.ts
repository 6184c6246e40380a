import { AmiMessage } from '@amiable/ami';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startPort } from './support/fakes.ts';
import { RawClient } from './support/raw-client.ts';

let harness: Harness | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await harness?.close();
  harness = undefined;
});

async function loggedIn(h: Harness, user: string, password: string): Promise<RawClient> {
  const client = await RawClient.connect(h.port);
  clients.push(client);
  expect((await client.login(user, password)).get('Message')).toBe('Authentication accepted');
  return client;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const responses = (c: RawClient, id: string) => c.messages.filter((m) => m.kind === 'response' && m.actionId === id);

describe('ActionIDs are isolated per client', () => {
  it('never shows one client another client’s response, even when both use the same ActionID', async () => {
    harness = await startPort();
    const h = harness;
    // The PBX answers the second action first.
    const gates: Array<() => void> = [];
    h.upstream.reply = (action, id) =>
      new Promise((resolve) => {
        const iface = action.find(([k]) => k === 'Interface')![1];
        gates.push(() => resolve([['Response', 'Success'], ['ActionID', id], ['Message', `paused ${iface}`]]));
        if (gates.length === 2) {
          gates[1]!();
          gates[0]!();
        }
      });
    const a = await loggedIn(h, 'agent1003', 'pw-1003');
    const b = await loggedIn(h, 'agent1004', 'pw-1004');
    a.action(['Action', 'QueuePause'], ['ActionID', 'same'], ['Interface', 'PJSIP/1003'], ['Queue', 'lang-en'], ['Paused', 'true']);
    b.action(['Action', 'QueuePause'], ['ActionID', 'same'], ['Interface', 'PJSIP/1004'], ['Queue', 'lang-en'], ['Paused', 'true']);
    expect((await a.response('same')).get('Message')).toBe('paused PJSIP/1003');
    expect((await b.response('same')).get('Message')).toBe('paused PJSIP/1004');
    await settle();
    expect(responses(a, 'same')).toHaveLength(1);
    expect(responses(b, 'same')).toHaveLength(1);
    // Upstream saw our own ActionIDs only, never the clients'.
    for (const r of h.upstream.received) expect(r.action.some(([k]) => k.toLowerCase() === 'actionid')).toBe(false);
  });

  it('delivers an OriginateResponse only to the originator, with the originator’s ActionID', async () => {
    harness = await startPort();
    const h = harness;
    h.upstream.reply = (_action, id) => [['Response', 'Success'], ['ActionID', id], ['Message', 'Originate successfully queued']];
    const originator = await loggedIn(h, 'agent1003', 'pw-1003');
    const other = await loggedIn(h, 'agent1004', 'pw-1004');
    const admin = await loggedIn(h, 'admin', 'pw-admin');
    originator.action(['Action', 'Originate'], ['ActionID', 'o1'], ['Channel', 'PJSIP/1003'], ['Exten', '1002'], ['Context', 'internal']);
    const queued = await originator.response('o1');
    expect(queued.get('Message')).toBe('Originate successfully queued');
    const upstreamId = 'up-1';
    h.events.emit([
      ['Event', 'OriginateResponse'],
      ['Privilege', 'call,all'],
      ['ActionID', upstreamId],
      ['Response', 'Success'],
      ['Channel', 'PJSIP/1003-00000001'],
      ['Context', 'internal'],
      ['Exten', '1002'],
      ['Reason', '4'],
      ['Uniqueid', '1795671600.1'],
    ]);
    const result = await originator.next((m) => m.event === 'OriginateResponse');
    expect(result.actionId).toBe('o1');
    expect(result.get('Reason')).toBe('4');
    await settle();
    expect(other.messages.some((m) => m.event === 'OriginateResponse')).toBe(false);
    expect(admin.messages.some((m) => m.event === 'OriginateResponse')).toBe(false);
    expect(h.upstream.received[0]!.action).toContainEqual(['Async', 'true']);
  });

  it('routes an OriginateResponse that overtakes its response, and writes the response first', async () => {
    harness = await startPort();
    const h = harness;
    h.upstream.reply = (_action, id) => {
      // The event reaches the port before the upstream client resolved the response.
      h.events.emit([['Event', 'OriginateResponse'], ['Privilege', 'call,all'], ['ActionID', id], ['Response', 'Failure'], ['Reason', '5']]);
      return [['Response', 'Success'], ['ActionID', id], ['Message', 'Originate successfully queued']];
    };
    const c = await loggedIn(h, 'agent1003', 'pw-1003');
    c.action(['Action', 'Originate'], ['ActionID', 'o2'], ['Channel', 'PJSIP/1003'], ['Exten', '1002']);
    const event = await c.next((m) => m.event === 'OriginateResponse');
    expect(event.actionId).toBe('o2');
    const order = c.messages.filter((m) => m.actionId === 'o2').map((m) => m.event ?? m.get('Response'));
    expect(order).toEqual(['Success', 'OriginateResponse']);
  });

  it('writes a forwarded action’s response before the events it caused, as Asterisk does', async () => {
    harness = await startPort();
    const h = harness;
    h.upstream.reply = (_action, id) => {
      h.events.emit(
        new AmiMessage([
          'Event', 'QueueMemberPause', 'Privilege', 'agent,all', 'Queue', 'lang-en', 'MemberName', 'Agent 1003',
          'Interface', 'PJSIP/1003', 'StateInterface', 'PJSIP/1003', 'Paused', '1', 'PausedReason', 'lunch',
        ]),
      );
      return [['Response', 'Success'], ['ActionID', id], ['Message', 'Interface paused successfully']];
    };
    const c = await loggedIn(h, 'agent1003', 'pw-1003');
    c.action(['Action', 'QueuePause'], ['ActionID', 'p'], ['Interface', 'PJSIP/1003'], ['Queue', 'lang-en'], ['Paused', 'true'], ['Reason', 'lunch']);
    await c.next((m) => m.event === 'QueueMemberPause');
    const tail = c.messages.slice(-2).map((m) => m.event ?? m.get('Response'));
    expect(tail).toEqual(['Success', 'QueueMemberPause']);
  });

  it('answers Error without closing when the PBX cannot be reached, and audits it', async () => {
    harness = await startPort();
    const h = harness;
    h.upstream.reply = () => Promise.reject(new Error('not connected'));
    const c = await loggedIn(h, 'agent1003', 'pw-1003');
    c.action(['Action', 'QueuePause'], ['ActionID', 'p'], ['Interface', 'PJSIP/1003'], ['Queue', 'lang-en'], ['Paused', 'true']);
    const reply = await c.response('p');
    expect(reply.get('Response')).toBe('Error');
    expect(h.audit.at(-1)).toMatchObject({ command: 'QueuePause', result: 'error', errorCode: 'CTI_ERR_AMI_UPSTREAM' });
    c.action(['Action', 'Ping'], ['ActionID', 'still']);
    expect((await c.response('still')).get('Ping')).toBe('Pong');
  });

  it('hangs up the client’s own live channel and refuses another agent’s', async () => {
    harness = await startPort();
    const h = harness;
    const c = await loggedIn(h, 'agent1003', 'pw-1003');
    for (const [ext, n] of [['1003', '2'], ['1004', '3']] as const) {
      h.events.emit([['Event', 'Newchannel'], ['Privilege', 'call,all'], ['Channel', `PJSIP/${ext}-0000000${n}`], ['Uniqueid', `1.${n}`], ['Linkedid', `1.${n}`]]);
    }
    c.action(['Action', 'Hangup'], ['ActionID', 'h1'], ['Channel', 'PJSIP/1003-00000002']);
    expect((await c.response('h1')).get('Response')).toBe('Success');
    c.action(['Action', 'Hangup'], ['ActionID', 'h2'], ['Channel', 'PJSIP/1004-00000003']);
    expect((await c.response('h2')).get('Message')).toBe('Permission denied');
    c.action(['Action', 'Hangup'], ['ActionID', 'h3'], ['Channel', '/PJSIP/.*/']);
    expect((await c.response('h3')).get('Message')).toBe('Permission denied');
    expect(h.upstream.received.map((r) => r.action)).toEqual([
      [
        ['Action', 'Hangup'],
        ['Channel', 'PJSIP/1003-00000002'],
      ],
    ]);
  });

  it('answers CoreShowChannels from the port’s own state, filtered to the client', async () => {
    harness = await startPort();
    const h = harness;
    const c = await loggedIn(h, 'agent1003', 'pw-1003');
    for (const [ext, n] of [['1003', '2'], ['1004', '3']] as const) {
      h.events.emit([
        ['Event', 'Newchannel'], ['Privilege', 'call,all'], ['Channel', `PJSIP/${ext}-0000000${n}`], ['ChannelState', '4'],
        ['ChannelStateDesc', 'Ring'], ['Uniqueid', `1.${n}`], ['Linkedid', `1.${n}`],
      ]);
    }
    c.action(['Action', 'CoreShowChannels'], ['ActionID', 'l']);
    const done = await c.next((m) => m.event === 'CoreShowChannelsComplete');
    expect(done.get('ListItems')).toBe('1');
    const items = c.messages.filter((m) => m.event === 'CoreShowChannel');
    expect(items.map((m) => [m.actionId, m.get('Channel')])).toEqual([['l', 'PJSIP/1003-00000002']]);
    expect(h.upstream.received).toEqual([]);
  });
});
