import { describe, expect, it } from 'vitest';
import { runScenario } from '../support/scenario-driver.ts';
import { loadTrace, sequences } from '../support/trace.ts';

describe('debug', () => {
  it('compares', async () => {
    const s = process.env.SCEN ?? 'screen-pop';
    const run = await runScenario(s);
    const skip = new Set((process.env.SKIP ?? 'RTCPSent,RTCPReceived,Cdr').split(','));
    const sim = sequences(run.main, skip);
    const rec = sequences(loadTrace(s).messages, skip);
    console.log('counts', run.main.length, [...sim.keys()].length, [...rec.keys()].length);
    const keys = new Set([...sim.keys(), ...rec.keys()]);
    const short = (x: string | undefined) => (x ?? '-').replace(/\[[^\]]*\]/g, '');
    for (const k of keys) {
      const a = rec.get(k) ?? [];
      const b = sim.get(k) ?? [];
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      if (i < a.length || i < b.length) console.log(`KEY ${k} @${i}/${a.length}/${b.length}\n REC ${a.slice(Math.max(0, i - 3), i + 6).map(short).join(' ')}\n SIM ${b.slice(Math.max(0, i - 3), i + 6).map(short).join(' ')}`);
    }
    await run.close();
    expect(true).toBe(true);
  });
});
