import { describe, expect, it } from 'vitest';
import {
  AmiDisconnectedError,
  AmiKeepaliveError,
  type AmiMessage,
  backoffDelay,
  createAmiClient,
} from '../../src/index.ts';
import { FakeAmi } from '../support/fake-ami.ts';
import { setupClients } from '../support/harness.ts';
import { recordStatuses, until, waitForState } from '../support/wait.ts';

const start = setupClients();
const fastReconnect = { baseMs: 5, maxMs: 40, jitter: 0 };

describe('connection drops', () => {
  it('fails a list in flight with AmiDisconnectedError when the connection drops mid-list, then reconnects', async () => {
    const { fake, client } = start(
      {
        onAction: (action, s) => {
          if (action.get('Action') !== 'CoreShowChannels') return false;
          const id = action.get('ActionID')!;
          s.send([['Response', 'Success'], ['ActionID', id], ['EventList', 'start'], ['Message', 'Channels will follow']]);
          s.send([['Event', 'CoreShowChannel'], ['ActionID', id], ['Channel', 'PJSIP/1001-00000000']]);
          s.raw(`Event: CoreShowChannel\r\nActionID: ${id}\r\nChannel: PJSIP/100`); // cut mid-message
          setTimeout(() => s.destroy(), 5);
          return true;
        },
      },
      { reconnect: fastReconnect },
    );
    const statuses = recordStatuses(client);
    const errors: Error[] = [];
    client.onError((e) => errors.push(e));
    await client.connect();
    const error = await client.sendList({ Action: 'CoreShowChannels' }).catch((e) => e);
    expect(error).toBeInstanceOf(AmiDisconnectedError);
    expect(error.code).toBe('AMI_ERR_DISCONNECTED');
    await waitForState(client, 'ready');
    expect(fake.sessions).toHaveLength(2);
    const drop = statuses.find((s) => s.to === 'reconnecting')!;
    expect(drop).toMatchObject({ from: 'ready', reason: 'connection lost', attempt: 1, delayMs: 5 });
    expect(drop.error).toBeInstanceOf(AmiDisconnectedError);
    expect(errors.some((e) => e instanceof AmiDisconnectedError)).toBe(true);
    expect((await client.send({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });

  it('reconnects with exponential backoff while connections are refused, then resets the attempt count', async () => {
    const fake = new FakeAmi();
    const refuseUntil = 4;
    const client = createAmiClient({
      username: 'cti',
      secret: 'ctisecret',
      keepalive: false,
      reconnect: { baseMs: 4, maxMs: 20, jitter: 0.5 },
      random: () => 0.5,
      transport: fake.connector((attempt) => ({ refuse: attempt > 1 && attempt <= refuseUntil })),
    });
    const statuses = recordStatuses(client);
    try {
      await client.connect();
      fake.sessions[0]!.destroy();
      await until(() => statuses.filter((s) => s.to === 'ready').length === 2, 5_000, 'second ready');
      const waits = statuses.filter((s) => s.to === 'reconnecting');
      expect(waits.map((s) => s.attempt)).toEqual([1, 2, 3, 4]);
      const policy = { baseMs: 4, maxMs: 20, jitter: 0.5 };
      expect(waits.map((s) => s.delayMs)).toEqual([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.5)));
      expect(waits.slice(1).map((s) => s.reason)).toEqual(['connect failed', 'connect failed', 'connect failed']);
      expect(statuses.filter((s) => s.to === 'connecting').map((s) => s.reason)).toEqual([
        'connect requested',
        'reconnecting',
        'reconnecting',
        'reconnecting',
        'reconnecting',
      ]);
      fake.sessions[1]!.destroy();
      await until(() => statuses.filter((s) => s.to === 'reconnecting').length === 5);
      expect(statuses.at(-1)).toMatchObject({ to: 'reconnecting', attempt: 1 });
    } finally {
      await client.close();
    }
  });

  it('closes instead of reconnecting when reconnect is off, and when attempts run out', async () => {
    const { fake, client } = start();
    await client.connect();
    fake.sessions[0]!.destroy();
    const closed = await waitForState(client, 'closed');
    expect(closed?.error).toBeInstanceOf(AmiDisconnectedError);

    const fake2 = new FakeAmi();
    const limited = createAmiClient({
      username: 'cti',
      secret: 'ctisecret',
      keepalive: false,
      reconnect: { ...fastReconnect, maxAttempts: 2 },
      transport: fake2.connector({ refuse: true }),
    });
    const statuses = recordStatuses(limited);
    const error = await limited.connect().catch((e) => e);
    expect(error.code).toBe('AMI_ERR_CONNECT');
    expect(statuses.filter((s) => s.to === 'connecting')).toHaveLength(3);
    expect(statuses.at(-1)?.reason).toBe('connect failed; gave up after 2 attempts');
  });

  it('treats a transport factory that throws as a failed connection attempt', async () => {
    const client = createAmiClient({
      username: 'cti',
      secret: 'ctisecret',
      keepalive: false,
      reconnect: false,
      transport: () => {
        throw new Error('no route to PBX');
      },
    });
    const error = await client.connect().catch((e) => e);
    expect(error.code).toBe('AMI_ERR_CONNECT');
    expect(error.message).toContain('no route to PBX');
    expect(client.state).toBe('closed');
  });

  it('treats a peer that never sends the banner as a failed attempt', async () => {
    const { client } = start({ silent: true }, { loginTimeoutMs: 30, reconnect: { ...fastReconnect, maxAttempts: 1 } });
    const statuses = recordStatuses(client);
    const error = await client.connect().catch((e) => e);
    expect(error.code).toBe('AMI_ERR_TIMEOUT');
    expect(statuses.map((s) => `${s.to}:${s.reason}`)).toEqual([
      'connecting:connect requested',
      'reconnecting:no banner',
      'connecting:reconnecting',
      'closed:no banner; gave up after 1 attempts',
    ]);
  });
});

describe('keepalive', () => {
  it('pings at the interval and stays ready while Pongs come back', async () => {
    const { fake, client } = start({}, { keepalive: { intervalMs: 10, timeoutMs: 2_000 } });
    await client.connect();
    await until(() => fake.sessions[0]!.actionsNamed('Ping').length >= 3);
    expect(client.state).toBe('ready');
  });

  it('declares the connection dead when the Pong does not come, and reconnects', async () => {
    const { fake, client } = start({}, { keepalive: { intervalMs: 10, timeoutMs: 30 }, reconnect: fastReconnect });
    const statuses = recordStatuses(client);
    const errors: Error[] = [];
    client.onError((e) => errors.push(e));
    await client.connect();
    fake.sessions[0]!.mute = true; // a hung Asterisk: reads, never answers
    await until(() => statuses.some((s) => s.to === 'reconnecting'), 2_000, 'reconnecting');
    const dead = statuses.find((s) => s.to === 'reconnecting')!;
    expect(dead.reason).toBe('keepalive timeout');
    expect(dead.error).toBeInstanceOf(AmiKeepaliveError);
    expect(errors.some((e) => (e as { code?: string }).code === 'AMI_ERR_KEEPALIVE')).toBe(true);
    await waitForState(client, 'ready');
    expect(fake.sessions).toHaveLength(2);
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('keeps a connection whose Pong is late while bytes keep arriving (a busy reader), and drops it once it goes silent', async () => {
    let busy = true;
    const { fake, client } = start(
      {
        onAction: (action, s) => {
          if (action.get('Action') !== 'Ping') return false;
          // The Pong never comes, but the peer is visibly alive: events keep flowing after each Ping.
          if (busy) s.event('VarSet', { Channel: 'PJSIP/1001-00000000', Variable: 'X', Value: '1' });
          return true;
        },
      },
      { keepalive: { intervalMs: 5, timeoutMs: 30 }, reconnect: fastReconnect },
    );
    const statuses = recordStatuses(client);
    await client.connect();
    await until(() => fake.sessions[0]!.actionsNamed('Ping').length >= 4, 2_000, 'four Pings without Pong');
    expect(statuses.some((s) => s.to === 'reconnecting')).toBe(false);
    expect(fake.sessions).toHaveLength(1);
    busy = false;
    await until(() => statuses.some((s) => s.to === 'reconnecting'), 2_000, 'reconnecting');
    expect(statuses.find((s) => s.to === 'reconnecting')!.reason).toBe('keepalive timeout');
  });

  it('declares the connection dead when a Ping reply has no Ping: Pong', async () => {
    const { client } = start(
      {
        onAction: (action, s) => {
          if (action.get('Action') !== 'Ping') return false;
          s.reply(action, 'Error', { Message: 'Asterisk is shutting down' });
          return true;
        },
      },
      { keepalive: { intervalMs: 5, timeoutMs: 2_000 } },
    );
    await client.connect();
    const closed = await waitForState(client, 'closed');
    expect(closed?.reason).toBe('keepalive timeout');
  });
});

describe('resync hook', () => {
  it('runs onConnected in state resyncing, delivers events meanwhile flagged resync, and turns ready after it', async () => {
    const seen: Array<[string, boolean, string]> = [];
    let hookState = '';
    const { fake, client } = start(
      {
        onAction: (action, s) => {
          if (action.get('Action') !== 'CoreShowChannels') return false;
          const id = action.get('ActionID')!;
          s.event('Newstate', { Channel: 'PJSIP/1001-00000000' });
          s.send([['Response', 'Success'], ['ActionID', id], ['EventList', 'start']]);
          s.send([['Event', 'CoreShowChannelsComplete'], ['ActionID', id], ['EventList', 'Complete'], ['ListItems', '0']]);
          return true;
        },
      },
      {
        onConnected: async (c, info) => {
          hookState = `${c.state} ${info.version} ${info.firstConnection}`;
          await c.sendList({ Action: 'CoreShowChannels' });
          fake.sessions[0]!.event('Hangup', { Channel: 'PJSIP/1001-00000000' });
          await c.send({ Action: 'Ping' }); // its reply comes after the Hangup on the same stream
        },
      },
    );
    const statuses = recordStatuses(client);
    client.onEvent((e, meta) => {
      seen.push([e.event!, meta.resync, client.state]);
    });
    await client.connect();
    fake.sessions[0]!.event('Newchannel', { Channel: 'PJSIP/1002-00000001' });
    await until(() => seen.length === 3);
    expect(hookState).toBe('resyncing 11.0.0 true');
    expect(statuses.map((s) => s.to)).toEqual(['connecting', 'authenticating', 'resyncing', 'ready']);
    expect(seen).toEqual([
      ['Newstate', true, 'resyncing'],
      ['Hangup', true, 'resyncing'],
      ['Newchannel', false, 'ready'],
    ]);
  });

  it('in buffer mode holds events until the hook is done and delivers them, in order, before ready', async () => {
    const seen: Array<[string, boolean, string]> = [];
    const { fake, client } = start(
      { afterLogin: (s) => s.event('FullyBooted', { Status: 'Fully Booted' }) },
      {
        resyncEvents: 'buffer',
        onConnected: async (c) => {
          fake.sessions[0]!.event('Newstate', { Channel: 'PJSIP/1001-00000000' });
          await c.send({ Action: 'Ping' }); // the Newstate has arrived (and is held) by now
          expect(seen).toEqual([]);
        },
      },
    );
    client.onEvent((e, meta) => {
      seen.push([e.event!, meta.resync, client.state]);
    });
    await client.connect();
    expect(seen).toEqual([
      ['FullyBooted', true, 'resyncing'],
      ['Newstate', true, 'resyncing'],
    ]);
  });

  it('drops the connection and retries when the hook fails', async () => {
    let calls = 0;
    const { fake, client } = start(
      {},
      {
        reconnect: fastReconnect,
        onConnected: async (_c, info) => {
          calls++;
          if (info.firstConnection && calls === 1) throw new Error('snapshot rejected');
        },
      },
    );
    const statuses = recordStatuses(client);
    await client.connect();
    expect(calls).toBe(2);
    expect(fake.sessions).toHaveLength(2);
    expect(statuses.find((s) => s.to === 'reconnecting')).toMatchObject({ from: 'resyncing', reason: 'resync failed' });
  });
});

describe('close()', () => {
  it('logs off, fails actions in flight, and ends in closed; the status iterator sees it', async () => {
    const { fake, client } = start({ onAction: (a) => a.get('Action') === 'CoreStatus' });
    const seen: string[] = [];
    const iterating = (async () => {
      for await (const s of client.statusChanges()) {
        seen.push(s.to);
        if (s.to === 'closed') break;
      }
    })();
    await client.connect();
    const inFlight = client.send({ Action: 'CoreStatus' });
    await until(() => fake.sessions[0]!.actionsNamed('CoreStatus').length === 1);
    await client.close();
    expect((await inFlight.catch((e) => e)).code).toBe('AMI_ERR_DISCONNECTED');
    expect(fake.sessions[0]!.actionsNamed('Logoff')).toHaveLength(1);
    expect(client.state).toBe('closed');
    await iterating;
    expect(seen).toEqual(['connecting', 'authenticating', 'ready', 'closed']);
    expect((await client.send({ Action: 'Ping' }).catch((e) => e)).code).toBe('AMI_ERR_CLOSED');
    await expect(client.connect()).rejects.toMatchObject({ code: 'AMI_ERR_CLOSED' });
  });

  it('stops a pending reconnect', async () => {
    const { fake, client } = start({}, { reconnect: { baseMs: 10_000, maxMs: 10_000, jitter: 0 } });
    await client.connect();
    fake.sessions[0]!.destroy();
    await waitForState(client, 'reconnecting');
    await client.close();
    expect(client.state).toBe('closed');
    expect(fake.sessions).toHaveLength(1);
  });
});

describe('backpressure', () => {
  it('pauses reading when a slow listener lets the queue pass the high-water mark, resumes at low water, and loses nothing', async () => {
    const { fake, client } = start({}, { flowControl: { highWaterMark: 10, lowWaterMark: 2 } });
    const seen: number[] = [];
    let release: () => void = () => {};
    let gate = new Promise<void>((r) => (release = r));
    client.onEvent(async (e: AmiMessage) => {
      seen.push(Number(e.get('N')));
      if (seen.length === 1) await gate;
    });
    await client.connect();
    const session = fake.sessions[0]!;
    for (let n = 0; n < 60; n++) session.event('QueueMemberStatus', { N: String(n) });
    await until(() => session.clientPaused, 2_000, 'paused');
    expect(seen).toEqual([0]);
    release();
    gate = Promise.resolve();
    await until(() => seen.length === 60, 2_000, 'all delivered');
    expect(seen).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(session.clientPaused).toBe(false);
  });
});
