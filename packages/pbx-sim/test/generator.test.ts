import { describe, expect, it } from 'vitest';
import { ManualClock, type GeneratorOptions, startSimulatedPbx } from '../src/index.ts';
import { startTapped } from './support/tapped-pbx.ts';

async function stream(seed: number, opts: GeneratorOptions, ms: number): Promise<string[]> {
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0));
  const pbx = await startSimulatedPbx({ clock, seed });
  const out: string[] = [];
  pbx.tap({ onEvent: (e) => out.push(e.text) });
  pbx.startGenerator(opts);
  clock.advance(ms);
  await pbx.close();
  return out;
}

const busyDay: GeneratorOptions = { agents: 6, rate: 1, talkTimeMs: { mean: 20_000 }, patienceMs: 40_000, noAnswerShare: 0.2 };

describe('scenario generator', () => {
  it('produces the identical event stream for the same seed on a manual clock', async () => {
    const a = await stream(42, busyDay, 180_000);
    const b = await stream(42, busyDay, 180_000);
    expect(a.length).toBeGreaterThan(5000);
    expect(b).toEqual(a);
  });

  it('produces a different stream for another seed', async () => {
    const a = await stream(42, busyDay, 60_000);
    const b = await stream(43, busyDay, 60_000);
    expect(b).not.toEqual(a);
  });

  it('signs the agents in round-robin and places calls at about the requested Poisson rate', async () => {
    const t = await startTapped({ seed: 5 });
    const gen = t.pbx.startGenerator({ agents: 6, queuesPerAgent: 2, rate: 0.5, talkTimeMs: { mean: 30_000 } });
    expect(t.named('QueueMemberAdded')).toHaveLength(12);
    t.advance(600_000);
    expect(gen.placed).toBeGreaterThan(240);
    expect(gen.placed).toBeLessThan(360);
    expect(t.named('QueueCallerJoin')).toHaveLength(gen.placed);
    expect(t.named('AgentConnect').length).toBeGreaterThan(0);
    gen.stop();
    const placed = gen.placed;
    t.advance(60_000);
    expect(gen.placed).toBe(placed);
    await t.close();
  });

  it('routes callers by language: lang-ar customers enter through ar with Arabic numbers and names', async () => {
    const t = await startTapped({ seed: 9 });
    t.pbx.startGenerator({ agents: 4, queues: ['lang-ar'], rate: 1, talkTimeMs: { mean: 5000 } });
    t.advance(30_000);
    const joins = t.named('QueueCallerJoin');
    expect(joins.length).toBeGreaterThan(10);
    for (const j of joins) {
      expect(j.get('Queue')).toBe('lang-ar');
      expect(j.get('CallerIDNum')).toMatch(/^\+9665\d{7}$/);
      expect(j.get('Language')).toBe('ar');
    }
    expect(t.named('Newexten', (m) => m.get('AppData') === 'CHANNEL(language)=ar').length).toBe(joins.length);
    await t.close();
  });

  it('lets impatient callers abandon when agents never answer', async () => {
    const t = await startTapped({ seed: 21 });
    t.pbx.startGenerator({ agents: 2, queues: ['support'], rate: 0.2, patienceMs: 20_000, noAnswerShare: 1 });
    t.advance(300_000);
    expect(t.named('QueueCallerAbandon').length).toBeGreaterThan(10);
    expect(t.named('AgentConnect')).toHaveLength(0);
    await t.close();
  });

  it('keeps placing calls after a restart without signing the agents in again', async () => {
    const t = await startTapped({ seed: 4 });
    t.pbx.startGenerator({ agents: 2, queues: ['lang-en'], rate: 1, talkTimeMs: { mean: 5000 } });
    t.advance(10_000);
    const added = t.named('QueueMemberAdded').length;
    t.pbx.restart();
    t.advance(20_000);
    expect(t.named('QueueMemberAdded')).toHaveLength(added);
    expect(t.pbx.snapshot().members).toEqual([]);
    expect(t.pbx.snapshot().queues.find((q) => q.name === 'lang-en')!.waiting.length).toBeGreaterThan(5);
    await t.close();
  });

  it('places a burst of calls at once for benchmarks', async () => {
    const t = await startTapped({ seed: 2, noise: false, endpoints: Array.from({ length: 100 }, (_, i) => String(2000 + i)) });
    const gen = t.pbx.startGenerator({ agents: 100, rate: 0.001, burst: 200, talkTimeMs: { mean: 10_000 } });
    expect(gen.placed).toBe(200);
    t.advance(60_000);
    expect(t.named('AgentConnect').length).toBeGreaterThanOrEqual(100);
    await t.close();
  });
});
