import type { AmiMessage } from '@amiable/ami';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORDED_EVENT_SHAPES } from '../../src/generated/recorded-event-shapes.ts';
import { type ScenarioRun, runScenario } from '../support/scenario-driver.ts';
import { channelNormalizer, fieldNames, loadTrace, responses, sequences } from '../support/trace.ts';

/**
 * Each recorded scenario is driven again against the simulator with the same
 * actions at the same (simulated) times and the same phone behaviour. Inside
 * each ordering domain (a channel, a device, a hint, a queue member, a bridge)
 * the simulator must emit the same events, with the same field names, as
 * Asterisk 22.10.1 did, Newexten and VarSet included.
 *
 * Cdr and RTCPSent/RTCPReceived are compared apart: Asterisk's CDR engine and
 * RTCP timers run on their own threads, so their position inside a channel's
 * sequence is not reproducible even between two real runs. For them the count
 * of Cdr records per channel and the field names must still match.
 */
const TIMED = new Set(['Cdr', 'RTCPSent', 'RTCPReceived']);

const CASES: Array<[string, string]> = [
  ['screen-pop', 'rings the agent and pops the customer card when a caller joins lang-en, then tears down on caller hangup'],
  ['abandon', 'reports QueueCallerAbandon before QueueCallerLeave when the caller hangs up while 1006 rings in lang-fr'],
  ['abandon-empty', 'abandons from an empty lang-fr queue with no AgentCalled and no member dial'],
  ['ring-no-answer', 'moves from 1004 to 1005 after the 15 s ring timeout and the 2 s retry in support (linear)'],
  ['direct-call', 'dials extension 1002 without a queue and bridges the customer to it'],
  ['blind-transfer', "blind-transfers the agent's customer to 1002 into a new bridge with AgentComplete Reason transfer"],
  ['attended-transfer', 'completes an Atxfer through Local consult legs and leaves caller and 1002 in the original queue bridge'],
  ['originate-click-to-dial', 'rings the agent phone first on click-to-dial, then dials 1002 and bridges them'],
  ['signin-signout', 'signs 1003 in and out of lang-en and lang-ar, with QueueStatus and a paused reason'],
  ['permissions-limited', 'gives a read=call,agent write=call user only call and agent events and refuses what it may not run'],
];

const listShapes = (messages: readonly AmiMessage[]) =>
  messages
    .filter((m) => m.kind === 'event' && m.has('ActionID') && m.event !== 'OriginateResponse')
    .map((m) => `${m.event}[${fieldNames(m).join(',')}]`)
    .sort();

function cdrCounts(messages: readonly AmiMessage[]): Record<string, number> {
  const norm = channelNormalizer();
  const out: Record<string, number> = {};
  for (const m of messages) {
    const ch = m.get('Channel');
    if (m.kind !== 'event' || ch === undefined) continue;
    const key = norm(ch);
    if (m.event === 'Cdr') out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('recorded scenarios replayed against the simulator', () => {
  let run: ScenarioRun | undefined;
  afterEach(async () => {
    await run?.close();
    run = undefined;
  });

  for (const [scenario, title] of CASES) {
    it(`${title} (${scenario})`, async () => {
      run = await runScenario(scenario);
      const recorded = loadTrace(scenario).messages;
      expect(run.main.length).toBeGreaterThan(0);
      expect(Object.fromEntries(sequences(run.main, TIMED))).toEqual(Object.fromEntries(sequences(recorded, TIMED)));
      expect(responses(run.main)).toEqual(responses(recorded));
      expect(listShapes(run.main)).toEqual(listShapes(recorded));
      expect(cdrCounts(run.main)).toEqual(cdrCounts(recorded));
      for (const m of run.main) {
        if (m.kind !== 'event' || !m.event || !TIMED.has(m.event)) continue;
        const known = (RECORDED_EVENT_SHAPES[m.event] ?? []).map((s) => s.fields);
        expect(known).toContain(fieldNames(m).join(','));
      }
    });
  }
});
