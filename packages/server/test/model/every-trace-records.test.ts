import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AmiParser } from '@amiable/ami';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/call-records/call-record.ts';
import { replayTrace, TRACES } from './helpers.ts';

/**
 * What happened in each recorded scenario, from its control.jsonl (what the driver did:
 * who answered, who hung up) and NOTES.md, one row per call in start order:
 * `type caller | outcome | answeredBy agent | transfers | hangupBy | wait talk | segments`.
 * - transfers: `blind 1004>sales`; segments: `extension:talk seconds:how it ended (t transfer, h hangup)`;
 * - wait is the caller's wait until the first answer; talk is the credited agent's own talk.
 * Times are rounded to 0.1 s here; the per-trace tests pin them to the millisecond.
 */
const EXPECTED: Record<string, string[]> = {
  'abandon-empty': ['call Marie Empty | abandoned | - - | - | caller | 5.0 0.0 | -'],
  abandon: ['call Pierre Abandon | abandoned | - - | - | caller | 5.0 0.0 | -'],
  // 1002 answers the consultation and hangs up: the caller is back with 1001, who talks until she hangs up.
  'attended-transfer-abort': ['call Abby Abort | answered | 1001 1001 | - | caller | 2.0 11.5 | 1001:11.5:h'],
  'attended-transfer': ['call Alan Attended | answered | 1001 1001 | attended 1001>1002 | caller | 2.0 8.5 | 1001:8.5:t 1002:4.0:h'],
  // Answered in support after 2 s, sent to sales, where 1005 answers after another 2 s.
  'blind-transfer-to-queue': ['call Quentin Queue | answered | 1004 1004 | blind 1004>sales | caller | 2.0 3.0 | 1004:3.0:t 1005:4.0:h'],
  'blind-transfer': ['call Tina Transfer | answered | 1001 1001 | blind 1001>1002 | caller | 2.0 3.0 | 1001:3.0:t 1002:4.0:h'],
  'busy-center': [
    'call Customer 01 | answered | 1012 1012 | - | caller | 2.0 10.0 | 1012:10.0:h',
    'call Customer 02 | answered | 1013 1013 | - | agent | 4.0 26.0 | 1013:26.0:h',
    'call Customer 03 | answered | 1012 1012 | - | caller | 2.0 7.0 | 1012:7.0:h',
    'call Customer 04 | answered | 1016 1016 | - | caller | 1.0 22.0 | 1016:22.0:h',
    'call Customer 05 | answered | 1012 1012 | - | caller | 2.0 14.0 | 1012:14.0:h',
    'call Customer 06 | answered | 1014 1014 | - | caller | 2.0 18.0 | 1014:18.0:h',
    'call Customer 07 | answered | 1011 1011 | - | caller | 4.0 10.0 | 1011:10.0:h',
    'call Customer 08 | answered | 1015 1015 | - | caller | 3.0 8.0 | 1015:8.0:h',
    'call Customer 09 | answered | 1013 1013 | - | caller | 5.0 6.0 | 1013:6.0:h',
    'call Customer 10 | answered | 1013 1013 | - | caller | 14.0 10.0 | 1013:10.0:h',
    'call Customer 11 | answered | 1012 1012 | - | caller | 12.0 19.0 | 1012:19.0:h',
    'call Customer 12 | answered | 1011 1011 | - | caller | 15.0 7.0 | 1011:7.0:h',
    'call Customer 13 | answered | 1016 1016 | - | caller | 2.0 18.0 | 1016:18.0:h',
    'call Customer 14 | answered | 1013 1013 | - | caller | 18.0 7.0 | 1013:7.0:h',
    'call Customer 15 | answered | 1011 1011 | - | agent | 19.0 13.0 | 1011:13.0:h',
    'call Customer 16 | answered | 1012 1012 | - | caller | 23.0 13.0 | 1012:13.0:h',
    'call Customer 17 | answered | 1013 1013 | - | caller | 28.0 12.0 | 1013:12.0:h',
    'call Customer 18 | answered | 1014 1014 | - | caller | 2.0 26.0 | 1014:26.0:h',
    'call Customer 19 | abandoned | - - | - | caller | 32.0 0.0 | -',
    'call Customer 20 | abandoned | - - | - | caller | 26.0 0.0 | -',
  ],
  // Three supervisor legs (listen, whisper, barge) on Sam's call: records of their own, answered, not failed calls.
  'chanspy-listen-whisper-barge': [
    'call Sam Supervised | answered | 1001 1001 | - | caller | 2.0 17.4 | 1001:17.4:h',
    'supervision Agent 1010 | answered | - - | - | agent | 4.1 0.0 | -',
    'supervision Agent 1010 | answered | - - | - | agent | 4.1 0.0 | -',
    'supervision Agent 1010 | answered | - - | - | agent | 4.1 0.0 | -',
  ],
  // 1001 owns her click-to-dial and is credited with her 3 s until she transferred 1002 to 1003; 1002 hangs up.
  'click-to-dial-then-transfer': ['call Agent 1001 | answered | 1002 1001 | blind 1001>1003 | agent | 4.0 3.0 | 1001:3.0:t 1002:9.0:h 1003:4.0:h'],
  'direct-call': ['call Bob Direct | answered | 1002 1002 | - | caller | 2.0 4.0 | 1002:4.0:h'],
  'external-queue-pause': [],
  'ivr-sip-trunk': ['call Omar Customer | answered | 1007 1007 | - | caller | 2.0 4.0 | 1007:4.0:h'],
  'login-failures': [],
  'mixmonitor-start-stop': ['call Rita Recorded | answered | 1002 1002 | - | caller | 2.0 7.0 | 1002:7.0:h'],
  'originate-click-to-dial': ['call Agent 1001 | answered | 1002 1001 | - | agent | 4.0 8.0 | 1001:8.0:h 1002:8.0:h'],
  'permissions-limited': ['call Jane Customer | answered | 1001 1001 | - | caller | 2.0 3.0 | 1001:3.0:h'],
  'queue-callback-no-agents-then-join': ['call Luc Latecomer | answered | 1006 1006 | - | caller | 8.0 4.0 | 1006:4.0:h'],
  'reconnect-resync': [
    'call Jane Customer | answered | 1001 1001 | - | caller | 2.0 3.5 | 1001:3.5:h',
    'call Second Caller | abandoned | - - | - | caller | 3.0 0.0 | -',
    'call Waiting Caller | abandoned | - - | - | caller | 3.0 0.0 | -',
  ],
  'ring-no-answer': ['call Ralph Retry | answered | 1005 1005 | - | caller | 19.0 4.0 | 1005:4.0:h'],
  'screen-pop-sip-trunk': ['call Jane Customer | answered | 1001 1001 | - | caller | 3.0 5.0 | 1001:5.0:h'],
  'screen-pop': ['call Jane Customer | answered | 1001 1001 | - | caller | 3.0 5.0 | 1001:5.0:h'],
  'signin-signout': [],
  'tls-login': [],
};

const dash = (v: string | null): string => v ?? '-';

function row(r: CallRecord): string {
  const transfers = r.transfers.map((t) => `${t.type} ${dash(t.from)}>${dash(t.to)}`).join(',') || '-';
  const segments = r.segments.map((s) => `${s.extension}:${s.talkSeconds.toFixed(1)}:${s.end[0]}`).join(' ') || '-';
  return [
    `${r.type} ${dash(r.callerName)}`,
    r.outcome,
    `${dash(r.answeredBy)} ${dash(r.agent)}`,
    transfers,
    r.hangupBy,
    `${r.waitSeconds.toFixed(1)} ${r.talkSeconds.toFixed(1)}`,
    segments,
  ].join(' | ');
}

/** The events of one recorded stream, as header maps. */
function recordedEvents(scenario: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const parser = new AmiParser({ message: (m) => m.event === name && out.push(m.toObject()) }, { expectBanner: true });
  parser.push(readFileSync(join(TRACES, scenario, 'received.ami')));
  return out;
}

const scenarios = readdirSync(TRACES).filter((d) => existsSync(join(TRACES, d, 'received.ami')));

describe('every recorded trace replays to the call records of what happened', () => {
  it('has an expectation for every trace folder', () => {
    expect(scenarios.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(scenarios)('%s', (scenario) => {
    const result = replayTrace(scenario);
    expect(result.calls.map(row)).toEqual(EXPECTED[scenario]);
  });

  // app_queue's own figures (what queue_log stores) for each agent's part of each call.
  it.each(scenarios.filter((s) => recordedEvents(s, 'AgentComplete').length > 0))(
    '%s: each agent segment matches AgentComplete HoldTime and TalkTime to the second',
    (scenario) => {
      const calls = replayTrace(scenario).calls;
      for (const ac of recordedEvents(scenario, 'AgentComplete')) {
        const call = calls.find((c) => c.callerName === ac.CallerIDName && c.queues.includes(ac.Queue!));
        expect(call, `${ac.CallerIDName} in ${ac.Queue}`).toBeDefined();
        const extension = ac.Interface!.replace(/^PJSIP\//, '');
        const segment = call!.segments.find((s) => s.extension === extension && s.queue === ac.Queue);
        expect(segment, `${extension}'s segment of ${ac.CallerIDName}`).toBeDefined();
        expect(Math.abs(segment!.talkSeconds - Number(ac.TalkTime)), `talk of ${extension} (${ac.TalkTime})`).toBeLessThanOrEqual(1);
        expect(Math.abs(segment!.waitSeconds! - Number(ac.HoldTime)), `wait in ${ac.Queue} (${ac.HoldTime})`).toBeLessThanOrEqual(1);
        expect(segment!.end).toBe(ac.Reason === 'transfer' ? 'transfer' : 'hangup');
        if (ac.Reason !== 'transfer') expect(call!.hangupBy).toBe(ac.Reason);
      }
    },
  );

  it('names each supervision mode as the Originate asked for it (chanspy-listen-whisper-barge)', () => {
    const calls = replayTrace('chanspy-listen-whisper-barge').calls.filter((c) => c.type === 'supervision');
    const asked = readFileSync(join(TRACES, 'chanspy-listen-whisper-barge', 'sent.ami'), 'utf8')
      .split('\r\n\r\n')
      .filter((a) => a.includes('Application: ChanSpy'))
      .map((a) => /Data: [^,\r\n]+,(\w+)/.exec(a)![1]);
    expect(asked).toEqual(['uqE', 'uqEw', 'uqEB']);
    expect(calls.map((c) => c.supervision)).toEqual([
      expect.objectContaining({ mode: 'listen', agent: '1001', supervisor: '1010', callId: '1796549586.348' }),
      expect.objectContaining({ mode: 'whisper', agent: '1001', supervisor: '1010', callId: '1796549586.348' }),
      expect.objectContaining({ mode: 'barge', agent: '1001', supervisor: '1010', callId: '1796549586.348' }),
    ]);
  });
});
