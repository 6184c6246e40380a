import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/time/clock.ts';
import { Scheduler } from '../../src/time/scheduler.ts';

describe('scheduler on a manual clock', () => {
  it('runs tasks in due-time order, ties in creation order, and reports their due time as now', () => {
    const clock = new ManualClock(1000);
    const s = new Scheduler(clock);
    const seen: string[] = [];
    s.after(20, () => seen.push(`b@${s.now()}`));
    s.after(10, () => seen.push(`a@${s.now()}`));
    s.after(20, () => seen.push(`c@${s.now()}`));
    s.after(10, () => s.after(0, () => seen.push(`d@${s.now()}`)));
    clock.advance(15);
    expect(seen).toEqual(['a@1010', 'd@1010']);
    clock.advance(100);
    expect(seen).toEqual(['a@1010', 'd@1010', 'b@1020', 'c@1020']);
    expect(clock.now()).toBe(1115);
  });

  it('does not run cancelled tasks and stops everything on stop()', () => {
    const clock = new ManualClock(0);
    const s = new Scheduler(clock);
    let ran = 0;
    s.after(5, () => ran++).cancel();
    s.after(6, () => ran++);
    s.stop();
    clock.advance(100);
    expect(ran).toBe(0);
    s.resume();
    s.after(1, () => ran++);
    clock.advance(1);
    expect(ran).toBe(1);
  });
});
