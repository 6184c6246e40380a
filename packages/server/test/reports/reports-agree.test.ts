import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentActivityTable,
  agentOccupancyTable,
  agentTimesheetTable,
  queueSummaryTable,
  type ReportTable,
  type TableInput,
} from '../../src/features/rest/report-tables.ts';
import type { CallRecordInput } from '../../src/persistence/repositories/call-records.ts';
import type { Repositories } from '../../src/persistence/repositories/index.ts';
import { createReports } from '../../src/reports/index.ts';
import { type TestDatabase, dialects, openTestDatabase } from '../persistence/test-database.ts';
import { Z } from './scenario.ts';

/**
 * One known day (7 April 2026, UTC) where the call records and the timesheet tell the same
 * story, as a live server writes them: the call record is written at hang-up with
 * wrapup_seconds 0, and the wrap-up lives only in the timesheet.
 *
 *   call  queue    agent  start     wait  talk  hold  wrap-up (timesheet)
 *   s1    support  Ann    08:10:00    20   240    60    60  (08:15:20-08:16:20)
 *   s2    sales    Ann    10:00:00    10   180     0   120  (10:03:10-10:05:10)
 *   s3    support  Ben    09:05:00    30   500   100   270  (09:15:30-09:20:00)
 *   s4    support  -      09:40:00    70   abandoned
 *   s5    sales    Ben    11:00:00     5   120     0    30  (11:02:05-11:02:35)
 *
 * Ann: signed in 08:00-12:00, paused 09:00-09:30 (lunch). Ben: signed in 09:00-13:00.
 * Agents: Ann talk 420, hold 60, wrap-up 180, AHT 660 / 2 = 330; Ben talk 620, hold 100,
 * wrap-up 300, AHT 1020 / 2 = 510. Queues: support AHT (360 + 870) / 2 = 615, sales
 * (300 + 150) / 2 = 225; all AHT 1680 / 4 = 420 both ways. Wrap-up 480 s in every report.
 */
const DAY = { from: Z('2026-04-07T00:00:00'), to: Z('2026-04-08T00:00:00') };

async function seedDay(repos: Repositories): Promise<void> {
  const ann = (await repos.users.create({ username: 'ann', displayName: 'Ann', role: 'agent' })).id;
  const ben = (await repos.users.create({ username: 'ben', displayName: 'Ben', role: 'agent' })).id;
  await repos.queueSettings.upsert('pbx1', 'support', { displayName: 'Support line', serviceLevelSeconds: 20 });
  const call = (id: string, queue: string, agent: string | null, start: string, wait: number, talk = 0, hold = 0): CallRecordInput => ({
    pbx: 'pbx1',
    linkedid: id,
    direction: 'inbound',
    queue,
    startedAt: Z(start),
    answeredAt: agent ? Z(start) + wait * 1000 : null,
    endedAt: Z(start) + (wait + talk + hold) * 1000,
    waitSeconds: wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapupSeconds: 0,
    outcome: agent ? 'answered' : 'abandoned',
    answeredAgentId: agent,
    answeredBy: agent === ann ? '1001' : agent === ben ? '1002' : null,
  });
  await repos.callRecords.upsertMany([
    call('s1', 'support', ann, '2026-04-07T08:10:00', 20, 240, 60),
    call('s2', 'sales', ann, '2026-04-07T10:00:00', 10, 180),
    call('s3', 'support', ben, '2026-04-07T09:05:00', 30, 500, 100),
    call('s4', 'support', null, '2026-04-07T09:40:00', 70),
    call('s5', 'sales', ben, '2026-04-07T11:00:00', 5, 120),
  ]);
  const day = async (agentId: string, extension: string, steps: [string, 'ready' | 'on-call' | 'wrap-up' | 'paused', string?][], end: string) => {
    const s = await repos.timesheet.openSession({ agentId, pbx: 'pbx1', extension, at: Z(steps[0]![0]) });
    for (const [at, state, reason] of steps) {
      await repos.timesheet.changeState({ agentId, sessionId: s.id, pbx: 'pbx1', extension, state, at: Z(at), reason: reason ?? null });
    }
    await repos.timesheet.closeSession(s.id, { at: Z(end) });
  };
  await day(
    ann,
    '1001',
    [
      ['2026-04-07T08:00:00', 'ready'],
      ['2026-04-07T08:10:20', 'on-call'],
      ['2026-04-07T08:15:20', 'wrap-up'],
      ['2026-04-07T08:16:20', 'ready'],
      ['2026-04-07T09:00:00', 'paused', 'lunch'],
      ['2026-04-07T09:30:00', 'ready'],
      ['2026-04-07T10:00:10', 'on-call'],
      ['2026-04-07T10:03:10', 'wrap-up'],
      ['2026-04-07T10:05:10', 'ready'],
    ],
    '2026-04-07T12:00:00',
  );
  await day(
    ben,
    '1002',
    [
      ['2026-04-07T09:00:00', 'ready'],
      ['2026-04-07T09:05:30', 'on-call'],
      ['2026-04-07T09:15:30', 'wrap-up'],
      ['2026-04-07T09:20:00', 'ready'],
      ['2026-04-07T11:00:05', 'on-call'],
      ['2026-04-07T11:02:05', 'wrap-up'],
      ['2026-04-07T11:02:35', 'ready'],
    ],
    '2026-04-07T13:00:00',
  );
}

const byFirst = (table: ReportTable) => new Map(table.rows.map((r) => [String(r[table.columns[0]!.key]), r]));

describe.each(dialects)('Agents, Timesheet and Queues reports agree on a known day on %s', (dialect) => {
  let t: TestDatabase;
  let input: Omit<TableInput, 'range'>;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    await seedDay(t.repos);
    const reports = createReports({ db: t.handle.db, dialect, now: () => Z('2026-04-08T00:00:00') });
    input = { reports, repos: t.repos, agentIds: undefined, interval: 'hour', serviceLevelSeconds: undefined };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the same wrap-up, talk and hold, and an AHT that includes wrap-up, in all three', async () => {
    const [agents, sheet, queues, occupancy] = await Promise.all([
      agentActivityTable({ ...input, range: DAY }),
      agentTimesheetTable({ ...input, range: DAY }),
      queueSummaryTable({ ...input, range: DAY }),
      agentOccupancyTable({ ...input, range: DAY }),
    ]);
    // Names, not ids.
    expect([...byFirst(agents).keys()]).toEqual(['Ann', 'Ben']);
    expect([...byFirst(sheet).keys()]).toEqual(['Ann', 'Ben']);
    expect([...byFirst(queues).keys()]).toEqual(['sales', 'Support line']);

    expect(byFirst(agents).get('Ann')).toMatchObject({ answered: 2, talkSeconds: 420, holdSeconds: 60, wrapupSeconds: 180, ahtSeconds: 330 });
    expect(byFirst(agents).get('Ben')).toMatchObject({ answered: 2, talkSeconds: 620, holdSeconds: 100, wrapupSeconds: 300, ahtSeconds: 510 });
    for (const name of ['Ann', 'Ben']) {
      const a = byFirst(agents).get(name)!;
      const s = byFirst(sheet).get(name)!;
      // The timesheet's wrap-up is the agents report's; its time on call is talk + hold.
      expect(a.wrapupSeconds).toBe(s.wrapupSeconds);
      expect(Number(a.talkSeconds) + Number(a.holdSeconds)).toBe(s.talkSeconds);
      expect(byFirst(occupancy).get(name)).toMatchObject({ wrapupSeconds: s.wrapupSeconds, onCallSeconds: s.talkSeconds, occupancy: s.occupancy });
    }
    expect(byFirst(queues).get('Support line')).toMatchObject({ answered: 2, abandoned: 1, wrapupSeconds: 330, ahtSeconds: 615 });
    expect(byFirst(queues).get('sales')).toMatchObject({ answered: 2, wrapupSeconds: 150, ahtSeconds: 225 });

    // Totals: 480 s of wrap-up and an AHT of 420 s whichever way the calls are grouped.
    expect(agents.totals).toMatchObject({ wrapupSeconds: 480, ahtSeconds: 420, talkSeconds: 1040, holdSeconds: 160 });
    expect(sheet.totals).toMatchObject({ wrapupSeconds: 480, talkSeconds: 1200 });
    expect(queues.totals).toMatchObject({ wrapupSeconds: 480, ahtSeconds: 420, talkSeconds: 1040, holdSeconds: 160 });
    // Occupancy: Ann (480 + 180) / (14 400 - 1800); Ben (720 + 300) / 14 400.
    expect(byFirst(occupancy).get('Ann')!.occupancy).toBe(Math.round((660 / 12_600) * 10_000) / 100);
    expect(byFirst(occupancy).get('Ben')!.occupancy).toBe(Math.round((1020 / 14_400) * 10_000) / 100);
  });

  it('counts only the wrap-up of the queue asked for', async () => {
    const range = { ...DAY, queues: ['sales'] };
    const [agents, queues] = await Promise.all([agentActivityTable({ ...input, range }), queueSummaryTable({ ...input, range })]);
    // Sales: Ann s2 (wrap-up 120), Ben s5 (30).
    expect(byFirst(agents).get('Ann')).toMatchObject({ answered: 1, wrapupSeconds: 120, ahtSeconds: 300 });
    expect(byFirst(agents).get('Ben')).toMatchObject({ answered: 1, wrapupSeconds: 30, ahtSeconds: 150 });
    expect(queues.totals).toMatchObject({ wrapupSeconds: 150, ahtSeconds: 225 });
  });
});
