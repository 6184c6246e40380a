import { describe, expect, it } from 'vitest';
import {
  AmiActionError,
  AmiForbiddenError,
  AmiInvalidHeaderError,
  type AmiMessage,
  AmiNotConnectedError,
  AmiTimeoutError,
  originateAction,
} from '../../src/index.ts';
import { setupClients } from '../support/harness.ts';
import { parseTrace, readTraceBytes, repliesTo, withActionId } from '../support/traces.ts';
import { sleep, until } from '../support/wait.ts';

const start = setupClients();
const resync = parseTrace(readTraceBytes('reconnect-resync', 'resync-received.ami'), true).messages;

/** Answer `name` with the recorded replies to `recordedId`, re-labelled with the live ActionID. */
function replay(name: string, recordedId: string) {
  return (action: AmiMessage, session: { send: (p: Array<[string, string]>) => void }) => {
    if (action.get('Action') !== name) return false;
    for (const m of repliesTo(resync, recordedId)) session.send(withActionId(m, action.get('ActionID')!));
    return true;
  };
}

describe('send()', () => {
  it('resolves with the response matched by ActionID, which the client generates', async () => {
    const { fake, client } = start();
    await client.connect();
    const reply = await client.send({ Action: 'Ping' });
    expect(reply.get('Ping')).toBe('Pong');
    const ping = fake.sessions[0]!.actionsNamed('Ping')[0]!;
    expect(ping.fields.slice(0, 3)).toEqual(['Action', 'Ping', 'ActionID']);
    expect(reply.actionId).toBe(ping.get('ActionID'));
  });

  it('delivers events interleaved with a response, in order, and still resolves the response', async () => {
    const { client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'QueueAdd') return false;
        s.raw(
          'Event: QueueMemberStatus\r\nPrivilege: agent,all\r\nQueue: lang-en\r\n\r\n' +
            `Response: Success\r\nActionID: ${action.get('ActionID')}\r\nMessage: Added interface to queue\r\n\r\n` +
            'Event: QueueMemberAdded\r\nPrivilege: agent,all\r\nQueue: lang-en\r\nInterface: PJSIP/1003\r\n\r\n',
        );
        return true;
      },
    });
    const events: string[] = [];
    client.onEvent((e) => {
      events.push(e.event!);
    });
    await client.connect();
    const reply = await client.send({ Action: 'QueueAdd', Queue: 'lang-en', Interface: 'PJSIP/1003' });
    expect(reply.get('Message')).toBe('Added interface to queue');
    await until(() => events.length === 2);
    expect(events).toEqual(['QueueMemberStatus', 'QueueMemberAdded']);
  });

  it('rejects Response: Error with AmiActionError carrying Asterisk\'s message, or resolves it with allowError', async () => {
    const { client } = start();
    await client.connect();
    const error = await client.send({ Action: 'Nonsense' }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiActionError);
    expect(error.code).toBe('AMI_ERR_ACTION_FAILED');
    expect(error.details.message).toMatch(/^Invalid\/unknown command: Nonsense\. Use Action: ListCommands/);
    const reply = await client.send({ Action: 'Nonsense' }, { allowError: true });
    expect(reply.response).toBe('Error');
  });

  it('ignores responses and list items with unknown ActionIDs', async () => {
    const { fake, client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'CoreStatus') return false;
        s.raw('Response: Success\r\nActionID: someone-else-1\r\nMessage: not ours\r\n\r\n');
        s.raw(`Response: Success\r\nActionID: ${action.get('ActionID')}\r\nCoreCurrentCalls: 3\r\n\r\n`);
        return true;
      },
    });
    await client.connect();
    const reply = await client.send({ Action: 'CoreStatus' });
    expect(reply.get('CoreCurrentCalls')).toBe('3');
    expect(fake.sessions[0]!.actions).toHaveLength(2);
  });

  it('fails with AmiTimeoutError and ignores the late reply', async () => {
    const { fake, client } = start({ onAction: (a) => a.get('Action') === 'CoreStatus' });
    await client.connect();
    const error = await client.send({ Action: 'CoreStatus' }, { timeoutMs: 30 }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiTimeoutError);
    expect(error.code).toBe('AMI_ERR_TIMEOUT');
    const late = fake.sessions[0]!.actionsNamed('CoreStatus')[0]!;
    fake.sessions[0]!.reply(late, 'Success', { Late: 'yes' });
    expect((await client.send({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });

  it('rejects an AbortSignal that fired before sending without writing, and aborts an action in flight', async () => {
    const { fake, client } = start({ onAction: (a) => a.get('Action') === 'CoreStatus' });
    await client.connect();
    const before = fake.sessions[0]!.received.length;
    const early = await client.send({ Action: 'CoreStatus' }, { signal: AbortSignal.abort() }).catch((e) => e);
    expect(early.code).toBe('AMI_ERR_ABORTED');
    await sleep(5);
    expect(fake.sessions[0]!.received.length).toBe(before);

    const controller = new AbortController();
    const inFlight = client.send({ Action: 'CoreStatus' }, { signal: controller.signal });
    await until(() => fake.sessions[0]!.actionsNamed('CoreStatus').length === 1);
    controller.abort();
    expect((await inFlight.catch((e) => e)).code).toBe('AMI_ERR_ABORTED');
  });

  it('fails fast with AmiNotConnectedError before connect, or waits for ready with queue: true', async () => {
    const { fake, client } = start();
    const error = await client.send({ Action: 'Ping' }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiNotConnectedError);
    expect(error.details.state).toBe('idle');
    const queued = client.send({ Action: 'Ping' }, { queue: true });
    await client.connect();
    expect((await queued).get('Ping')).toBe('Pong');
    expect(fake.sessions[0]!.actions.map((a) => a.get('Action'))).toEqual(['Login', 'Ping']);
  });

  it('refuses a caller-chosen ActionID, a synchronous Originate and a regex Hangup before writing anything', async () => {
    const { fake, client } = start();
    await client.connect();
    const before = fake.sessions[0]!.received.length;
    await expect(client.send({ Action: 'Ping', ActionID: 'mine' })).rejects.toBeInstanceOf(AmiInvalidHeaderError);
    await expect(client.send({ Action: 'Originate', Channel: 'PJSIP/1001', Application: 'Playback' })).rejects.toBeInstanceOf(
      AmiForbiddenError,
    );
    await expect(client.send({ Action: 'Originate', Channel: 'PJSIP/1001', Async: false })).rejects.toBeInstanceOf(
      AmiForbiddenError,
    );
    await expect(client.send({ Action: 'Hangup', Channel: '/PJSIP/.*/' })).rejects.toBeInstanceOf(AmiForbiddenError);
    await sleep(5);
    expect(fake.sessions[0]!.received.length).toBe(before);
  });
});

describe('sendList()', () => {
  it('collects the recorded QueueStatus items by ActionID until EventList: Complete', async () => {
    const { client } = start({ onAction: replay('QueueStatus', 'resync-31303-401') });
    await client.connect();
    const list = await client.sendList({ Action: 'QueueStatus' });
    expect(list.response.get('EventList')).toBe('start');
    expect(list.complete?.event).toBe('QueueStatusComplete');
    expect(list.events.map((e) => e.event)).toEqual(
      repliesTo(resync, 'resync-31303-401')
        .slice(1, -1)
        .map((m) => m.event),
    );
    expect(Number(list.complete?.get('ListItems'))).toBe(list.events.length);
  });

  it('never hands list items to event listeners, even when they share the live event name (DeviceStateList)', async () => {
    const { fake, client } = start({ onAction: replay('DeviceStateList', 'resync-31303-403') });
    const live: AmiMessage[] = [];
    client.onEvent((e) => {
      live.push(e);
    });
    await client.connect();
    const list = await client.sendList({ Action: 'DeviceStateList' });
    expect(list.events.length).toBeGreaterThan(20);
    expect(list.events.every((e) => e.event === 'DeviceStateChange')).toBe(true);
    fake.sessions[0]!.event('DeviceStateChange', { Device: 'PJSIP/1001', State: 'RINGING' });
    await until(() => live.length === 1);
    expect(live[0]!.get('Device')).toBe('PJSIP/1001');
  });

  it('keeps two interleaved lists apart and lets live events through (matching is by ActionID, not position)', async () => {
    let first: AmiMessage | undefined;
    const { client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'BridgeList') return false;
        if (!first) {
          first = action;
          return true;
        }
        const [a, b] = [first.get('ActionID')!, action.get('ActionID')!];
        const item = (id: string, n: number) =>
          s.send([['Event', 'BridgeListItem'], ['ActionID', id], ['BridgeUniqueid', `bridge-${id}-${n}`]]);
        s.send([['Response', 'Success'], ['ActionID', a], ['EventList', 'start'], ['Message', 'Bridge listing will follow']]);
        s.send([['Response', 'Success'], ['ActionID', b], ['EventList', 'Start'], ['Message', 'Bridge listing will follow']]);
        item(b, 1);
        item(a, 1);
        s.event('Newchannel', { Channel: 'PJSIP/1001-00000009' });
        item(a, 2);
        s.send([['Event', 'BridgeListComplete'], ['ActionID', b], ['EventList', 'COMPLETE'], ['ListItems', '1']]);
        s.send([['Event', 'BridgeListComplete'], ['ActionID', a], ['EventList', 'Complete'], ['ListItems', '2']]);
        return true;
      },
    });
    const live: string[] = [];
    client.onEvent((e) => {
      live.push(e.event!);
    });
    await client.connect();
    const [la, lb] = await Promise.all([client.sendList({ Action: 'BridgeList' }), client.sendList({ Action: 'BridgeList' })]);
    expect(la.events.map((e) => e.get('BridgeUniqueid'))).toEqual([
      `bridge-${la.response.actionId}-1`,
      `bridge-${la.response.actionId}-2`,
    ]);
    expect(lb.events).toHaveLength(1);
    expect(live).toEqual(['Newchannel']);
  });

  it('rejects an empty PJSIP list answered with Error ("No endpoints found\\n"), or returns it with allowError', async () => {
    const { client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'PJSIPShowEndpoints') return false;
        s.raw(`Response: Error\r\nActionID: ${action.get('ActionID')}\r\nMessage: No endpoints found\n\r\n\r\n`);
        return true;
      },
    });
    await client.connect();
    const error = await client.sendList({ Action: 'PJSIPShowEndpoints' }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiActionError);
    expect(error.details.message).toBe('No endpoints found');
    const result = await client.sendList({ Action: 'PJSIPShowEndpoints' }, { allowError: true });
    expect(result).toMatchObject({ events: [], complete: undefined });
    expect(result.response.response).toBe('Error');
  });

  it('swallows the late items of a list that timed out instead of passing them off as live events', async () => {
    let held: AmiMessage | undefined;
    const { fake, client } = start({
      onAction: (action) => {
        if (action.get('Action') !== 'DeviceStateList') return false;
        held = action;
        return true;
      },
    });
    const live: string[] = [];
    client.onEvent((e) => {
      live.push(`${e.event} ${e.get('Device')}`);
    });
    await client.connect();
    expect((await client.sendList({ Action: 'DeviceStateList' }, { timeoutMs: 20 }).catch((e) => e)).code).toBe('AMI_ERR_TIMEOUT');
    for (const m of repliesTo(resync, 'resync-31303-403')) fake.sessions[0]!.send(withActionId(m, held!.get('ActionID')!));
    fake.sessions[0]!.event('DeviceStateChange', { Device: 'PJSIP/1009', State: 'INUSE' });
    await until(() => live.length > 0);
    await sleep(10);
    expect(live).toEqual(['DeviceStateChange PJSIP/1009']);
  });
});

describe('originate()', () => {
  it('sends Async: true, resolves with the queued reply, then with its OriginateResponse event, also delivered to listeners', async () => {
    const { fake, client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'Originate') return false;
        s.reply(action, 'Success', { Message: 'Originate successfully queued' });
        s.event('OriginateResponse', { ActionID: 'other-session-9', Response: 'Failure', Reason: '0' });
        setTimeout(
          () =>
            s.event('OriginateResponse', {
              ActionID: action.get('ActionID')!,
              Response: 'Success',
              Channel: 'PJSIP/1001-00000000',
              Reason: '4',
              Uniqueid: '1795671580.0',
            }),
          10,
        );
        return true;
      },
    });
    const live: string[] = [];
    client.onEvent((e) => {
      live.push(`${e.event}:${e.get('Response')}`);
    });
    await client.connect();
    const { response, result } = await client.originate(
      originateAction({ channel: 'PJSIP/1001', context: 'internal', exten: '1002', callerId: { name: 'Agent 1001', number: '1001' } }),
    );
    expect(response.get('Message')).toBe('Originate successfully queued');
    const event = await result;
    expect(event.get('Reason')).toBe('4');
    expect(event.kind).toBe('event');
    expect(fake.sessions[0]!.actionsNamed('Originate')[0]!.get('Async')).toBe('true');
    expect(live).toEqual(['OriginateResponse:Failure', 'OriginateResponse:Success']);
  });

  it('adds Async: true to a raw Originate and rejects when Asterisk refuses it', async () => {
    const { fake, client } = start({
      onAction: (action, s) => {
        if (action.get('Action') !== 'Originate') return false;
        s.reply(action, 'Error', { Message: 'Extension does not exist.' });
        return true;
      },
    });
    await client.connect();
    const error = await client.originate({ Action: 'Originate', Channel: 'PJSIP/1001', Context: 'internal', Exten: '99', Priority: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiActionError);
    expect(fake.sessions[0]!.actionsNamed('Originate')[0]!.get('Async')).toBe('true');
  });
});
