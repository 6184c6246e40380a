import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AmiMessage, AmiTypedEvent } from '../../src/index.ts';
import { setupClients } from '../support/harness.ts';
import { parseTrace, readTraceBytes } from '../support/traces.ts';
import { until } from '../support/wait.ts';

const start = setupClients();
const busy = parseTrace(readTraceBytes('busy-center'), true).messages;
const recordedPause = busy.find((m) => m.event === 'QueueMemberPause')!;

describe('typed events recorded from Asterisk 22', () => {
  it("client.on('QueueMemberPause') hands the recorded headers over as a typed object", async () => {
    const { fake, client } = start();
    const seen: Array<{ iface: string; reason: string; event: string; same: boolean }> = [];
    const off = client.on('QueueMemberPause', (e, message) => {
      expectTypeOf(e.Interface).toEqualTypeOf<string>();
      expectTypeOf(message.get('Paused')).toEqualTypeOf<string>();
      seen.push({ iface: e.Interface, reason: e.PausedReason, event: e.Event, same: message.is('QueueMemberPause') });
    });
    await client.connect();
    fake.sessions[0]!.send(busy.find((m) => m.event === 'QueueMemberStatus')!.pairs());
    fake.sessions[0]!.send(recordedPause.pairs());
    await until(() => seen.length === 1, 5_000, 'QueueMemberPause delivered');
    expect(seen[0]).toEqual({
      iface: recordedPause.get('Interface'),
      reason: recordedPause.get('PausedReason'),
      event: 'QueueMemberPause',
      same: true,
    });
    off();
    fake.sessions[0]!.send(recordedPause.pairs());
    await client.send({ Action: 'Ping' }); // the second pause arrived before this reply
    expect(seen).toHaveLength(1);
  });

  it('message.is() narrows an event so that get() knows its recorded headers', () => {
    const m: AmiMessage = recordedPause;
    expect(m.is('QueueMemberPause')).toBe(true);
    expect(m.is('QueueMemberAdded')).toBe(false);
    if (m.is('QueueMemberPause')) {
      expectTypeOf(m).toMatchTypeOf<AmiTypedEvent<'QueueMemberPause'>>();
      expectTypeOf(m.event).toEqualTypeOf<'QueueMemberPause'>();
      expectTypeOf(m.get('Queue')).toEqualTypeOf<string>();
      expectTypeOf(m.get('NotAHeader')).toEqualTypeOf<string | undefined>();
      expect(m.get('Queue')).toBe(recordedPause.get('Queue'));
    }
  });

  it('an event that was never recorded still reaches on() with string headers', async () => {
    const { fake, client } = start();
    const got: Array<string | undefined> = [];
    client.on('MadeUpEvent', (e) => {
      expectTypeOf(e.Anything).toEqualTypeOf<string | undefined>();
      got.push(e.Anything);
    });
    await client.connect();
    fake.sessions[0]!.event('MadeUpEvent', { Anything: 'x' });
    await until(() => got.length === 1, 5_000, 'MadeUpEvent delivered');
    expect(got).toEqual(['x']);
  });
});
