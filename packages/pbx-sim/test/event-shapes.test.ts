import { describe, expect, it } from 'vitest';
import { RECORDED_EVENT_SHAPES } from '../src/generated/recorded-event-shapes.ts';
import { RawAmiClient } from './support/raw-ami-client.ts';
import { runScenario } from './support/scenario-driver.ts';
import { startTapped } from './support/tapped-pbx.ts';
import { fieldNames } from './support/trace.ts';

/**
 * Events the simulator can emit that no recorded transcript contains. Their
 * fields follow the documented blocks (channel snapshot with a prefix, the
 * member blob); they are listed here so that nothing else slips in.
 */
const UNRECORDED = new Set(['QueueMemberPenalty', 'Shutdown']);

function unknownShapes(messages: Iterable<{ event: string | undefined; kind: string; fields: string[] }>): string[] {
  const bad = new Set<string>();
  for (const m of messages) {
    if (m.kind !== 'event' || !m.event || UNRECORDED.has(m.event)) continue;
    const fields = fieldNames(m as never).join(',');
    const known = RECORDED_EVENT_SHAPES[m.event]?.some((s) => s.fields === fields) ?? false;
    if (!known) bad.add(`${m.event}[${fields}]`);
  }
  return [...bad];
}

describe('event shapes', () => {
  it('emits only event names and field lists recorded from Asterisk during a generated busy hour', async () => {
    const t = await startTapped({ seed: 31 });
    t.pbx.startGenerator({ agents: 8, rate: 1, talkTimeMs: { mean: 30_000 }, patienceMs: 45_000, noAnswerShare: 0.25, agentHangupShare: 0.5 });
    t.advance(600_000);
    expect(t.events.length).toBeGreaterThan(10_000);
    expect(unknownShapes(t.events)).toEqual([]);
    await t.close();
  });

  it('emits only recorded shapes while replaying the busy-center day (6 agents, 20 calls)', async () => {
    const run = await runScenario('busy-center');
    expect(run.main.length).toBeGreaterThan(3000);
    expect(unknownShapes(run.main)).toEqual([]);
    await run.close();
  });

  it('builds the unrecorded supervision events from the prefixed channel snapshot block', async () => {
    const t = await startTapped();
    t.pbx.setPhone('1002', { mode: 'answer', answerAfterMs: 100 });
    t.pbx.setPhone('1020', { mode: 'answer', answerAfterMs: 100 });
    t.pbx.placeCall({ exten: '1002', callerNumber: '+15550000010' });
    t.advance(1000);
    const target = t.pbx.snapshot().channels.find((c) => c.endpoint === '1002')!;
    const c = await RawAmiClient.connect(t.pbx.port);
    await c.login();
    await c.action({ Action: 'Originate', Channel: 'PJSIP/1020', Application: 'ChanSpy', Data: `${target.uniqueid},quEu`, Async: 'true' });
    t.advance(1000);
    const newchannel = fieldNames(t.named('Newchannel')[0]!).slice(1);
    const spy = fieldNames(t.named('ChanSpyStart')[0]!).slice(1);
    expect(spy).toEqual([...newchannel.map((f) => `Spyer${f}`), ...newchannel.map((f) => `Spyee${f}`)]);
    c.close();
    await t.close();
  });
});
