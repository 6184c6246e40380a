import { describe, expect, it } from 'vitest';
import { AmiMessage } from '../../src/index.ts';
import { EventDispatcher } from '../../src/client/event-dispatcher.ts';

const meta = { resync: false, connectionId: 1 };
const ev = (n: number) => new AmiMessage(['Event', 'X', 'N', String(n)]);

function make(overrides: Partial<ConstructorParameters<typeof EventDispatcher>[0]> = {}) {
  const calls: string[] = [];
  const errors: unknown[] = [];
  const d = new EventDispatcher({
    highWaterMark: 3,
    lowWaterMark: 1,
    maxHeld: 5,
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    onListenerError: (e) => errors.push(e),
    onHeldOverflow: () => calls.push('overflow'),
    ...overrides,
  });
  return { d, calls, errors };
}

describe('EventDispatcher', () => {
  it('calls synchronous listeners inline, in order, without queueing', () => {
    const { d } = make();
    const seen: number[] = [];
    d.add((e) => {
      seen.push(Number(e.get('N')));
    });
    d.push(ev(1), meta);
    d.push(ev(2), meta);
    expect(seen).toEqual([1, 2]);
    expect(d.backlog).toBe(0);
  });

  it('keeps going when a listener throws or rejects, and reports it', async () => {
    const { d, errors } = make();
    const seen: number[] = [];
    d.add(() => {
      throw new Error('boom');
    });
    d.add(async () => {
      throw new Error('async boom');
    });
    d.add((e) => {
      seen.push(Number(e.get('N')));
    });
    d.push(ev(1), meta);
    d.push(ev(2), meta);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([1, 2]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'async boom', 'boom', 'async boom']);
  });

  it('pauses at the high-water mark while a listener is busy and resumes at the low-water mark', async () => {
    const { d, calls } = make();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    d.add(async (e) => {
      seen.push(Number(e.get('N')));
      if (seen.length === 1) await gate;
    });
    for (let n = 0; n < 5; n++) d.push(ev(n), meta);
    expect(calls).toEqual(['pause']);
    expect(d.backlog).toBe(4);
    expect(d.paused).toBe(true);
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(calls).toEqual(['pause', 'resume']);
    expect(d.paused).toBe(false);
  });

  it('holds events without pausing, reports overflow, and releases them in order', () => {
    const { d, calls } = make();
    const seen: number[] = [];
    d.add((e) => {
      seen.push(Number(e.get('N')));
    });
    d.hold();
    for (let n = 0; n < 6; n++) d.push(ev(n), meta);
    expect(seen).toEqual([]);
    expect(calls).toEqual(['overflow']);
    d.release();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops calling a listener once it unsubscribes', () => {
    const { d } = make();
    let count = 0;
    const off = d.add(() => {
      count++;
    });
    d.push(ev(1), meta);
    off();
    d.push(ev(2), meta);
    expect(count).toBe(1);
  });
});
