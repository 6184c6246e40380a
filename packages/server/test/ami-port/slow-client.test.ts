import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startPort } from './support/fakes.ts';
import { RawClient } from './support/raw-client.ts';

let h: Harness | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await h?.close();
  h = undefined;
});

describe('a slow client cannot stall the others', () => {
  it('disconnects a client that stopped reading while another keeps receiving every event', async () => {
    h = await startPort({ config: { outboundHighWaterMark: 64 * 1024 } });
    const harness = h;
    const slow = await RawClient.connect(harness.port);
    const fast = await RawClient.connect(harness.port);
    clients.push(slow, fast);
    await slow.login('admin', 'pw-admin');
    await fast.login('admin', 'pw-admin');
    slow.socket.pause();

    const padding = 'p'.repeat(900);
    const total = 20_000;
    const batch = 50;
    for (let sent = 0; sent < total; sent += batch) {
      for (let i = sent; i < sent + batch; i++) {
        harness.events.emit([['Event', 'UserEvent'], ['Privilege', 'user,all'], ['UserEvent', 'Load'], ['Seq', String(i)], ['Pad', padding]]);
      }
      // Let the fast client read; emitting itself never waits for any socket.
      await new Promise((resolve) => setImmediate(resolve));
    }

    await eventually(() => harness.server.stats().droppedSlowClients === 1, 5000);
    await fast.until(() => fast.messages.filter((m) => m.event === 'UserEvent').length === total, 10_000);
    const seqs = fast.messages.filter((m) => m.event === 'UserEvent').map((m) => Number(m.get('Seq')));
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(harness.server.stats()).toMatchObject({ clients: 1, droppedSlowClients: 1 });
    slow.socket.resume();
    await slow.waitClosed();
  });
});
