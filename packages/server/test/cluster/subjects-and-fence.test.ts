import type { AmiTransport } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { commandSubject, ctiStreamSubjects, ctiSubject, token } from '../../src/cluster/subjects.ts';
import { fencedTransport } from '../../src/pbx/fenced-transport.ts';

describe('cluster subjects', () => {
  it('names a CTI event cti.<pbx>.<scope-kind>.<key>.<type> after its narrowest scope, escaping what NATS cannot carry', () => {
    expect(ctiSubject({ type: 'queue.stats', at: '2026-01-01T00:00:00.000Z', pbx: 'main', payload: { queue: 'lang-en' } as never })).toBe(
      'cti.main.queue.lang-en.queue.stats',
    );
    expect(ctiSubject({ type: 'pbx.connection', at: '2026-01-01T00:00:00.000Z', pbx: 'east', payload: { pbx: 'east' } as never })).toBe(
      'cti.east.pbx.east.pbx.connection',
    );
    expect(token('a.b *>c')).toBe('a~2eb~20~2a~3ec');
    expect(ctiStreamSubjects(['main', 'east'])).toEqual(['cti.main.>', 'cti.east.>', 'cti._.>']);
    // Commands never land in the event stream.
    expect(ctiStreamSubjects(['main']).some((s) => commandSubject('main').startsWith(s.slice(0, -1)))).toBe(false);
  });
});

describe('the AMI fence', () => {
  function fakeTransport() {
    const written: string[] = [];
    let closed = 0;
    const t: AmiTransport = {
      connect: async () => undefined,
      write: (d) => {
        written.push(d.toString());
        return true;
      },
      pause: () => undefined,
      resume: () => undefined,
      close: () => {
        closed++;
      },
      on: () => undefined,
      off: () => undefined,
    };
    return { t, written, closed: () => closed };
  }

  it('passes bytes while the lease holds, then drops every byte and closes the connection once it lapses', async () => {
    const fake = fakeTransport();
    let holds = true;
    let refused = 0;
    const transport = fencedTransport(() => fake.t, () => holds, () => refused++)();
    await transport.connect();
    transport.write(Buffer.from('Action: Ping\r\n\r\n'));
    holds = false;
    transport.write(Buffer.from('Action: Ping\r\n\r\n'));
    transport.write(Buffer.from('Action: QueuePause\r\n\r\n'));
    holds = true; // a late renewal does not reopen a fenced connection
    transport.write(Buffer.from('Action: Ping\r\n\r\n'));
    expect(fake.written).toEqual(['Action: Ping\r\n\r\n']);
    expect(refused).toBe(1);
    expect(fake.closed()).toBe(1);
  });

  it('refuses to connect without the lease', async () => {
    const fake = fakeTransport();
    const transport = fencedTransport(() => fake.t, () => false, () => undefined)();
    await expect(transport.connect()).rejects.toThrow(/lease/);
    expect(fake.written).toEqual([]);
  });
});
