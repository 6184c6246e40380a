import { describe, expect, it } from 'vitest';
import type { ChaosResult, ChaosScenario } from '../../chaos/lib/result.ts';
import { amiDrops } from '../../chaos/scenarios/ami-drops.ts';
import { asteriskRestart } from '../../chaos/scenarios/asterisk-restart.ts';
import { clientResume } from '../../chaos/scenarios/client-resume.ts';
import { crash } from '../../chaos/scenarios/crash.ts';
import { dbOutage } from '../../chaos/scenarios/db-outage.ts';
import { fuzz } from '../../chaos/scenarios/fuzz.ts';

/** The short fault suite (`npm run chaos -- --short`): every figure meets its target. */
describe('the fault suite, short version', () => {
  const run = async (scenario: ChaosScenario): Promise<ChaosResult[]> => scenario.run({ short: true, log: () => undefined });
  const misses = (results: ChaosResult[]) => results.filter((r) => r.pass === false).map((r) => `${r.metric}=${r.value} (${r.target})`);

  it('survives AMI connection drops under 2,000 events/s with a model equal to an independent snapshot', { timeout: 120_000 }, async () => {
    const results = await run(amiDrops);
    expect(misses(results)).toEqual([]);
    expect(results.find((r) => r.metric === 'drops_survived')!.value).toBe(3);
  });

  it('restores every membership and pause after an Asterisk restart', { timeout: 120_000 }, async () => {
    const results = await run(asteriskRestart);
    expect(misses(results)).toEqual([]);
    expect(results.find((r) => r.metric === 'pauses_restored')!.value).toBe(100);
  });

  it('archives every event received while a private PostgreSQL is stopped under load', { timeout: 180_000 }, async () => {
    const results = await run(dbOutage);
    expect(misses(results)).toEqual([]);
    const received = results.find((r) => r.metric === 'events_received')!.value;
    expect(received).toBeGreaterThan(0);
    expect(results.find((r) => r.metric === 'events_archived')!.value).toBe(received);
  });

  it('resumes WebSocket clients cut at random with no event missed or duplicated', { timeout: 120_000 }, async () => {
    const results = await run(clientResume);
    expect(misses(results)).toEqual([]);
    expect(results.find((r) => r.metric === 'reconnects')!.value).toBeGreaterThan(0);
  });

  it('restores agents, pauses and the spool after kill -9 of the server process', { timeout: 180_000 }, async () => {
    const results = await run(crash);
    expect(misses(results)).toEqual([]);
    expect(results.find((r) => r.metric === 'spool_records_restored')!.value).toBeGreaterThan(0);
  });

  it('takes mutated AMI, WebSocket and REST input without crashing', { timeout: 120_000 }, async () => {
    const results = await run(fuzz);
    expect(misses(results)).toEqual([]);
  });
});
