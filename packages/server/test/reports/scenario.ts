/**
 * A fixed, hand-computed reporting day: Monday 2 March 2026, Paris time
 * (UTC+1, no DST change that day). Every expected figure in the report tests
 * is derived from these rows by hand; the derivations sit next to the assertions.
 *
 * The call records' own wrapup_seconds are deliberately different from the timesheet: reports
 * take wrap-up from the timesheet's wrap-up intervals, credited to the call each follows
 * (Alice 08:07 -> c1 30 s, Alice 09:33:24 -> c5 10 s, Bob 08:26:25 -> c2 300 s).
 */
import type { CallRecordInput } from '../../src/persistence/repositories/call-records.ts';
import type { Repositories } from '../../src/persistence/repositories/index.ts';

export const Z = (iso: string) => Date.parse(`${iso}Z`);

/** Local day 2026-03-02 in Europe/Paris = [2026-03-01T23:00Z, 2026-03-02T23:00Z). */
export const PARIS_DAY = { from: Z('2026-03-01T23:00:00'), to: Z('2026-03-02T23:00:00'), timeZone: 'Europe/Paris' };
/** "Now" for open sessions and intervals. */
export const NOW = Z('2026-03-02T12:00:00');

type Call = Omit<CallRecordInput, 'pbx' | 'direction'> & { direction?: CallRecordInput['direction'] };

export function scenarioCalls(agents: { alice: string; bob: string }): CallRecordInput[] {
  const A = { answeredBy: '1011', answeredAgentId: agents.alice };
  const B = { answeredBy: '1012', answeredAgentId: agents.bob };
  const calls: Call[] = [
    // Outside the Paris day (23:30 local on 1 March).
    { linkedid: 'c0', queue: 'lang-en', startedAt: Z('2026-03-01T22:30:00'), outcome: 'abandoned', waitSeconds: 99 },
    { linkedid: 'c1', queue: 'lang-en', startedAt: Z('2026-03-02T08:05:00'), outcome: 'answered', ...A, waitSeconds: 10, ringSeconds: 5, talkSeconds: 120, holdSeconds: 0, wrapupSeconds: 30, callerNumber: '+15551230001', callerName: 'Acme, "West"' },
    { linkedid: 'c2', queue: 'lang-en', startedAt: Z('2026-03-02T08:20:00'), outcome: 'answered', ...B, waitSeconds: 25, ringSeconds: 8, talkSeconds: 300, holdSeconds: 60, wrapupSeconds: 20, callerNumber: '+15551230002', transfers: [{ at: Z('2026-03-02T08:25:00'), kind: 'blind', to: '1013' }] },
    { linkedid: 'c3', queue: 'lang-en', startedAt: Z('2026-03-02T08:40:00'), outcome: 'abandoned', waitSeconds: 5, callerNumber: '+15551230003' },
    { linkedid: 'c4', queue: 'lang-en', startedAt: Z('2026-03-02T09:10:00'), outcome: 'abandoned', waitSeconds: 45, callerNumber: '+15551230004', callerName: '=HYPERLINK("x")' },
    { linkedid: 'c5', queue: 'lang-en', startedAt: Z('2026-03-02T09:30:00'), outcome: 'answered', ...A, waitSeconds: 20, ringSeconds: 4, talkSeconds: 200, holdSeconds: 30, wrapupSeconds: 10, callerNumber: '+15551230005' },
    { linkedid: 'c6', queue: 'lang-fr', startedAt: Z('2026-03-02T09:45:00'), outcome: 'answered', ...B, waitSeconds: 28, ringSeconds: 6, talkSeconds: 90, holdSeconds: 0, wrapupSeconds: 30, callerNumber: '+33123456789' },
    { linkedid: 'c7', queue: 'lang-fr', startedAt: Z('2026-03-02T10:05:00'), outcome: 'no-answer', waitSeconds: 60, callerNumber: '+33123456780' },
    { linkedid: 'c8', queue: 'lang-fr', startedAt: Z('2026-03-02T10:15:00'), outcome: 'answered', ...A, waitSeconds: 35, ringSeconds: 10, talkSeconds: 150, holdSeconds: 0, wrapupSeconds: 0, callerNumber: '+33123456781' },
    { linkedid: 'c9', direction: 'outbound', startedAt: Z('2026-03-02T10:30:00'), outcome: 'answered', ...A, waitSeconds: 0, ringSeconds: 12, talkSeconds: 60, calledNumber: '+15559990000', callerNumber: '1011' },
    // Outside the Paris day (00:30 local on 3 March), inside the UTC day of 2 March.
    { linkedid: 'c10', queue: 'lang-en', startedAt: Z('2026-03-02T23:30:00'), outcome: 'answered', ...A, waitSeconds: 15, ringSeconds: 3, talkSeconds: 100, wrapupSeconds: 5 },
  ];
  return calls.map((c) => ({
    pbx: 'pbx1',
    direction: 'inbound',
    endedAt: c.startedAt + 600_000,
    answeredAt: c.outcome === 'answered' ? c.startedAt + (c.waitSeconds ?? 0) * 1000 : null,
    ...c,
  }));
}

export async function seedScenario(repos: Repositories): Promise<{ alice: string; bob: string; carol: string }> {
  const alice = (await repos.users.create({ username: 'alice', displayName: 'Alice', role: 'agent' })).id;
  const bob = (await repos.users.create({ username: 'bob', displayName: 'Bob', role: 'agent' })).id;
  const carol = (await repos.users.create({ username: 'carol', displayName: 'Carol', role: 'agent' })).id;
  await repos.queueSettings.upsert('pbx1', 'lang-en', { serviceLevelSeconds: 20 });
  await repos.queueSettings.upsert('pbx1', 'lang-fr', { serviceLevelSeconds: 30 });
  await repos.callRecords.upsertMany(scenarioCalls({ alice, bob }));

  const ts = repos.timesheet;
  // Alice: signed in 07:50Z-11:50Z (14 400 s).
  const a = await ts.openSession({ agentId: alice, pbx: 'pbx1', extension: '1011', at: Z('2026-03-02T07:50:00') });
  const aState = (state: 'ready' | 'ringing' | 'on-call' | 'wrap-up' | 'paused', at: string, reason?: string) =>
    ts.changeState({ agentId: alice, sessionId: a.id, pbx: 'pbx1', extension: '1011', state, at: Z(at), reason: reason ?? null });
  await aState('ready', '2026-03-02T07:50:00'); //        900 s
  await aState('on-call', '2026-03-02T08:05:00'); //      120 s
  await aState('wrap-up', '2026-03-02T08:07:00'); //       30 s
  await aState('ready', '2026-03-02T08:07:30'); //       3150 s
  await aState('paused', '2026-03-02T09:00:00', 'lunch'); // 1800 s
  await aState('ringing', '2026-03-02T09:30:00'); //        4 s
  await aState('on-call', '2026-03-02T09:30:04'); //      200 s
  await aState('wrap-up', '2026-03-02T09:33:24'); //       10 s
  await aState('paused', '2026-03-02T09:33:34'); //      1586 s, no reason
  await aState('ready', '2026-03-02T10:00:00'); //       6600 s until sign-out
  await ts.closeSession(a.id, { at: Z('2026-03-02T11:50:00'), reason: 'logout' });

  // Bob: signed in since 22:30Z the day before, still signed in at NOW (12:00Z).
  const b = await ts.openSession({ agentId: bob, pbx: 'pbx1', extension: '1012', at: Z('2026-03-01T22:30:00') });
  const bState = (state: 'ready' | 'on-call' | 'wrap-up' | 'paused', at: string, reason?: string) =>
    ts.changeState({ agentId: bob, sessionId: b.id, pbx: 'pbx1', extension: '1012', state, at: Z(at), reason: reason ?? null });
  await bState('ready', '2026-03-01T22:30:00'); //        33 625 s inside the day (from 23:00Z)
  await bState('on-call', '2026-03-02T08:20:25'); //        360 s: c2 answered after 25 s, talk 300 + hold 60
  await bState('wrap-up', '2026-03-02T08:26:25'); //        300 s, credited to c2
  await bState('paused', '2026-03-02T08:31:25', 'training'); // 2700 s
  await bState('ready', '2026-03-02T09:16:25'); //          9815 s until NOW

  // Carol works on 3 March only: not in the report.
  const c = await ts.openSession({ agentId: carol, pbx: 'pbx1', extension: '1013', at: Z('2026-03-03T08:00:00') });
  await ts.changeState({ agentId: carol, sessionId: c.id, pbx: 'pbx1', extension: '1013', state: 'ready', at: Z('2026-03-03T08:00:00') });
  await ts.closeSession(c.id, { at: Z('2026-03-03T09:00:00') });
  return { alice, bob, carol };
}
