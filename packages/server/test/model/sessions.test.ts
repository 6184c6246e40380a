import { describe, expect, it } from 'vitest';
import { expectIntervals, intervalsOf, replayTrace } from './helpers.ts';

describe('sessions without calls, replayed from the recorded transcripts', () => {
  it('shows 1003 ready, paused with reason wrapup in both queues, ready again, then signed out (signin-signout)', () => {
    const result = replayTrace('signin-signout');
    expect(result.calls).toEqual([]);
    expectIntervals(intervalsOf(result, '1003'), [
      ['ready', null, null, 1795671407.132981, 1795671408.139959], // QueueMemberAdded lang-en → QueueMemberPause (both queues, same segment)
      ['paused', 'wrapup', null, 1795671408.139959, 1795671409.145051], // → QueueMemberPause Paused: 0
      ['ready', null, null, 1795671409.145051, 1795671409.648773], // → QueueMemberRemoved lang-ar, the last queue
    ]);
    // The QueueStatus answers (QueueMember items with Paused: 1) are list items, not live changes.
    expect(result.anomalies).toEqual([]);
    expect(result.tracker.stateOf('1003')).toBe('logged-out');
  });

  it('replays the failed logins and the TLS login without a call or an agent (login-failures, tls-login)', () => {
    for (const [scenario, file] of [
      ['login-failures', 'received.ami'],
      ['login-failures', 'second-received.ami'],
      ['login-failures', 'third-received.ami'],
      ['tls-login', 'received.ami'],
    ] as const) {
      const result = replayTrace(scenario, undefined, file);
      expect(result.messages, `${scenario}/${file}`).toBeGreaterThan(0);
      expect(result.calls).toEqual([]);
      expect(result.intervals).toEqual([]);
      expect(result.anomalies).toEqual([]);
    }
  });

  it('sees the three reconnect-resync calls end when the helper hangs them all up (reconnect-resync main session)', () => {
    const result = replayTrace('reconnect-resync');
    const byCaller = Object.fromEntries(result.calls.map((c) => [c.callerName, c]));
    expect(Object.keys(byCaller).sort()).toEqual(['Jane Customer', 'Second Caller', 'Waiting Caller']);
    expect(byCaller['Jane Customer']!.outcome).toBe('answered');
    expect(byCaller['Jane Customer']!.answeredBy).toBe('1001');
    expect(byCaller['Second Caller']!.outcome).toBe('abandoned'); // 1002 was still ringing
    expect(byCaller['Second Caller']!.agentsOffered).toEqual(['1002']);
    expect(byCaller['Waiting Caller']!.outcome).toBe('abandoned');
    expect(byCaller['Waiting Caller']!.queue).toBe('lang-ar');
  });
});
