import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { main } from '../../src/cli/cti.ts';
import { replaySessions } from '../../src/cli/replay/replay-engine.ts';
import { loadTranscript } from '../../src/cli/replay/transcript.ts';
import { tracePath } from './helpers.ts';

async function cti(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('replay of successive sessions of one PBX', () => {
  it('ends the calls cut by an Asterisk restart with hangupBy pbx-restart (reconnect-resync, then a later boot)', () => {
    // reconnect-resync's main session up to the moment its second session logged in: 1001 talking
    // to Jane Customer, 1002 ringing for Second Caller, Waiting Caller alone in lang-ar.
    const before = loadTranscript(tracePath('reconnect-resync'));
    const resyncAt = loadTranscript(tracePath('reconnect-resync', 'resync-received.ami')).messages[0]!.receivedAt;
    const upToResync = before.messages.filter((m) => m.receivedAt < resyncAt);
    // screen-pop-sip-trunk was recorded after Asterisk was restarted (FullyBooted Uptime: 3, 18 s later).
    const after = loadTranscript(tracePath('screen-pop-sip-trunk'));
    expect(before.clock).toBe('timeline');
    expect(after.clock).toBe('timeline');

    const result = replaySessions([upToResync, after.messages], { pbx: 'main' });
    const cut = result.calls.filter((c) => c.hangupBy === 'pbx-restart');
    expect(cut.map((c) => [c.callerName, c.answeredBy]).sort()).toEqual([
      ['Jane Customer', '1001'],
      ['Second Caller', null],
      ['Waiting Caller', null],
    ]);
    for (const c of cut) expect(c.endedAt).toBe(after.messages[0]!.receivedAt / 1000);
    // The call of the session after the restart is its own, ended as it was recorded.
    const later = result.calls.filter((c) => c.startedAt >= after.messages[0]!.receivedAt / 1000);
    expect(later).toHaveLength(1);
    expect(later[0]!.hangupBy).not.toBe('pbx-restart');
    expect(result.unfinishedCalls).toEqual([]);
  });

  it('keeps the hangups the events showed when no call spans the restart (cti replay with two files --json)', async () => {
    const { code, out, err } = await cti('replay', tracePath('reconnect-resync'), tracePath('screen-pop-sip-trunk'), '--json', '--pbx', 'main');
    expect(code).toBe(0);
    expect(err).toBe('');
    const calls = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.type === 'call');
    expect(calls).toHaveLength(4);
    expect(calls.map((c) => c.hangupBy)).not.toContain('pbx-restart');
    const single = await cti('replay', tracePath('reconnect-resync'), '--json', '--pbx', 'main');
    const first = single.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.type === 'call');
    expect(calls.slice(0, 3)).toEqual(first);
  });
});
