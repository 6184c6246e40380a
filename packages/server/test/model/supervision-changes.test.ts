import { describe, expect, it } from 'vitest';
import { loadTranscript } from '../../src/cli/replay/transcript.ts';
import type { CallSpy } from '../../src/telephony/changes.ts';
import { PbxModel } from '../../src/telephony/pbx-model.ts';
import { tracePath } from './helpers.ts';

describe('supervision sessions, replayed from the recorded ChanSpy transcript', () => {
  it('reports each ChanSpyStart and ChanSpyStop as a call-spy change on the spied call, with the mode the Originate asked for', () => {
    const { messages } = loadTranscript(tracePath('chanspy-listen-whisper-barge'));
    const model = new PbxModel({ pbx: 'main' });
    const spies = messages.flatMap((m) => model.apply(m, m.receivedAt).filter((c): c is CallSpy => c.type === 'call-spy'));
    // Three Originates to ChanSpy (uqE, uqEw, uqEB), one session each: started then stopped.
    expect(spies.map((c) => `${c.phase}:${c.mode}`)).toEqual([
      'started:listen',
      'stopped:listen',
      'started:whisper',
      'stopped:whisper',
      'started:barge',
      'stopped:barge',
    ]);
    // 1010 spies on 1001's leg; every session names the same call (the agent leg's Linkedid), never the spy leg's own.
    expect(new Set(spies.map((c) => `${c.spyerExtension}>${c.extension}`))).toEqual(new Set(['1010>1001']));
    expect(new Set(spies.map((c) => c.linkedid)).size).toBe(1);
    expect(spies.every((c) => c.linkedid !== c.spyerUniqueid)).toBe(true);
  });
});
