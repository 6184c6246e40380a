import type { AmiMessage } from '@amiable/ami';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScenarioRun, runScenario } from '../support/scenario-driver.ts';
import { NOISY, fieldNames, loadTrace, responses, sequences } from '../support/trace.ts';

/** List items of one action, by ActionID. */
function lists(messages: readonly AmiMessage[]): Map<string, AmiMessage[]> {
  const out = new Map<string, AmiMessage[]>();
  for (const m of messages) {
    const id = m.actionId;
    if (m.kind !== 'event' || id === undefined || m.event === 'OriginateResponse') continue;
    out.set(id, [...(out.get(id) ?? []), m]);
  }
  return out;
}

const shape = (m: AmiMessage) => `${m.event}[${fieldNames(m).join(',')}]`;

describe('resync snapshots during live calls (reconnect-resync)', () => {
  let run: ScenarioRun | undefined;
  afterEach(async () => {
    await run?.close();
    run = undefined;
  });

  it('answers every snapshot list with the item shapes Asterisk sends while calls are up', async () => {
    run = await runScenario('reconnect-resync', {
      rewrite: (conn, text, pbx) => {
        if (conn !== 'resync' || !text.startsWith('Action: BridgeInfo')) return text;
        return text.replace(/BridgeUniqueid: [^\r]+/, `BridgeUniqueid: ${pbx.snapshot().bridges[0]?.id ?? 'none'}`);
      },
    });
    const recorded = loadTrace('reconnect-resync', 'resync-received.ami').messages;
    const sim = run.clients.get('resync')!.messages;
    expect(responses(sim)).toEqual(responses(recorded));
    const want = lists(recorded);
    const have = lists(sim);
    expect([...have.keys()]).toEqual([...want.keys()]);
    for (const [id, items] of want) {
      const mine = have.get(id)!;
      expect(new Set(mine.map(shape)), id).toEqual(new Set(items.map(shape)));
      // The lab had touched more pseudo-devices before this run; every other list has the same size.
      if (!id.endsWith('-403')) expect(mine.length, id).toBe(items.length);
    }
  });

  it('keeps the live stream of the main session identical while a second session resyncs', async () => {
    run = await runScenario('reconnect-resync', {
      rewrite: (conn, text, pbx) =>
        conn === 'resync' && text.startsWith('Action: BridgeInfo')
          ? text.replace(/BridgeUniqueid: [^\r]+/, `BridgeUniqueid: ${pbx.snapshot().bridges[0]?.id ?? 'none'}`)
          : text,
    });
    const skip = new Set([...NOISY].filter((n) => n === 'Cdr' || n.startsWith('RTCP')));
    expect(Object.fromEntries(sequences(run.main, skip))).toEqual(Object.fromEntries(sequences(loadTrace('reconnect-resync').messages, skip)));
  });
});
