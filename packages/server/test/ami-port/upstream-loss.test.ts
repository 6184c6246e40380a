import { afterEach, describe, expect, it } from 'vitest';
import { BatchJoiner } from '../../src/ami-port/batch-flusher.ts';
import { type Harness, startPort } from './support/fakes.ts';
import { RawClient } from './support/raw-client.ts';

let h: Harness | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await h?.close();
  h = undefined;
});

describe('a gap in the upstream event stream', () => {
  it('disconnects every logged-in client when the upstream AMI connection is lost, and accepts them again', async () => {
    h = await startPort();
    const harness = h;
    const a = await RawClient.connect(harness.port);
    const b = await RawClient.connect(harness.port);
    clients.push(a, b);
    await a.login('admin', 'pw-admin');
    await b.login('agent1003', 'pw-1003');
    harness.events.emit([['Event', 'UserEvent'], ['Privilege', 'user,all'], ['UserEvent', 'Before']]);
    await a.until(() => a.messages.some((m) => m.get('UserEvent') === 'Before'));

    harness.server.upstreamLost('pbx1', 'connection lost');
    await a.waitClosed();
    await b.waitClosed();
    expect(harness.server.stats()).toMatchObject({ clients: 0, droppedUpstreamLost: 2 });

    const again = await RawClient.connect(harness.port);
    clients.push(again);
    await again.login('admin', 'pw-admin');
    harness.events.emit([['Event', 'UserEvent'], ['Privilege', 'user,all'], ['UserEvent', 'After']]);
    await again.until(() => again.messages.some((m) => m.get('UserEvent') === 'After'));
  });
});

describe('batched writes', () => {
  it('joins the same queued events once, however many clients were queued them', () => {
    const e1 = Buffer.from('Event: A\r\n\r\n');
    const e2 = Buffer.from('Event: B\r\n\r\n');
    const joiner = new BatchJoiner();
    const first = joiner.join([e1, e2]);
    expect(first.toString()).toBe('Event: A\r\n\r\nEvent: B\r\n\r\n');
    expect(joiner.join([e1, e2])).toBe(first);
    expect(joiner.join([e1])).toBe(e1);
    expect(joiner.join([e1, Buffer.from(e2)])).not.toBe(first);
  });
});
