import { describe, expect, it } from 'vitest';
import { AmiAbortedError, type AmiMessage } from '../../src/index.ts';
import { setupClients } from '../support/harness.ts';
import { until, waitForState } from '../support/wait.ts';

const start = setupClients();

function events(n: number, name = 'UserEvent'): string {
  let text = '';
  for (let i = 0; i < n; i++) text += `Event: ${name}\r\nPrivilege: user,all\r\nSeq: ${i}\r\n\r\n`;
  return text;
}

describe('client.events() async iterator', () => {
  it('yields events in order, only the names asked for, and ends on break', async () => {
    const { fake, client } = start();
    await client.connect();
    const seqs: string[] = [];
    const loop = (async () => {
      for await (const e of client.events({ names: ['UserEvent'] })) {
        seqs.push(e.get('Seq')!);
        if (seqs.length === 5) break;
      }
    })();
    fake.sessions[0]!.raw(events(1, 'Newchannel') + events(5) + events(3, 'Hangup'));
    await loop;
    expect(seqs).toEqual(['0', '1', '2', '3', '4']);
  });

  it('a slow loop holds the client back until it catches up, and loses nothing', async () => {
    const { fake, client } = start({}, { flowControl: { highWaterMark: 10, lowWaterMark: 2 } });
    await client.connect();
    const it = client.events({ bufferSize: 4 });
    fake.sessions[0]!.raw(events(200));
    await until(() => fake.sessions[0]!.clientPaused, 5_000, 'socket reading paused');
    const seqs: number[] = [];
    for await (const e of it) {
      seqs.push(Number(e.get('Seq')));
      if (seqs.length === 200) break;
    }
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i));
    await until(() => !fake.sessions[0]!.clientPaused, 5_000, 'socket reading resumed');
  });

  it('ends on abort and when the client closes', async () => {
    const { fake, client } = start();
    await client.connect();
    const controller = new AbortController();
    const aborted = client.events({ signal: controller.signal });
    const untilClose = client.events();
    fake.sessions[0]!.raw(events(2));
    const first = await aborted.next();
    expect((first.value as AmiMessage).get('Seq')).toBe('0');
    controller.abort();
    expect(await aborted.next()).toEqual({ value: undefined, done: true });
    const drained: string[] = [];
    const loop = (async () => {
      for await (const e of untilClose) drained.push(e.get('Seq')!);
    })();
    await until(() => drained.length === 2, 5_000, 'both events');
    await client.close();
    await loop;
    expect(drained).toEqual(['0', '1']);
  });
});

describe('connect({ signal })', () => {
  it('an abort before ready rejects with AmiAbortedError and closes the client', async () => {
    const { fake, client } = start({ silent: true });
    const controller = new AbortController();
    const connecting = client.connect({ signal: controller.signal });
    await until(() => fake.sessions.length === 1, 5_000, 'TCP accepted');
    controller.abort();
    await expect(connecting).rejects.toBeInstanceOf(AmiAbortedError);
    await waitForState(client, 'closed');
  });

  it('an already aborted signal rejects at once; a signal aborted after ready changes nothing', async () => {
    const { client } = start();
    await expect(client.connect({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AmiAbortedError);
    expect(client.state).toBe('idle');
    const controller = new AbortController();
    await client.connect({ signal: controller.signal });
    controller.abort();
    expect(client.state).toBe('ready');
    await expect(client.send({ Action: 'Ping' })).resolves.toBeDefined();
  });
});
