import { readFileSync } from 'node:fs';
import { AmiMessage, AmiParser } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import { replayMessages } from '../../src/cli/replay/replay-engine.ts';
import { loadTranscript } from '../../src/cli/replay/transcript.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import { tracePath } from './helpers.ts';

function outputOf(messages: readonly AmiMessage[]): string {
  const r = replayMessages(messages, { wrapUp: { defaultSeconds: 5, mode: 'timeout' } });
  return JSON.stringify({ calls: r.calls, intervals: r.intervals, anomalies: r.anomalies });
}

describe('determinism', () => {
  it('produces identical records and intervals from the same input, run after run (busy-center)', () => {
    const { messages } = loadTranscript(tracePath('busy-center'));
    const first = outputOf(messages);
    const second = outputOf(messages.map((m) => new AmiMessage([...m.fields], m.receivedAt)));
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(1000);
  });

  it('depends on the injected clock only: the same bytes split differently give the same changes', () => {
    const bytes = readFileSync(tracePath('attended-transfer'));
    const { messages } = loadTranscript(tracePath('attended-transfer'));
    const times = messages.map((m) => m.receivedAt);
    const run = (chunk: number): string => {
      const parsed: AmiMessage[] = [];
      const parser = new AmiParser({ message: (m) => parsed.push(m) }, { expectBanner: true, now: () => -1 });
      for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
      const model = new PbxModel({ pbx: 'pbx' });
      // The parser's own clock (-1) is ignored: apply() takes the time explicitly.
      return JSON.stringify(parsed.map((m, i) => model.apply(m, times[i]!)));
    };
    expect(run(7)).toBe(run(bytes.length));
  });
});
