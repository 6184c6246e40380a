import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Reports, createReports } from '../../src/reports/index.ts';
import { type TestDatabase, dialects, openTestDatabase } from '../persistence/test-database.ts';
import { NOW, PARIS_DAY, Z, seedScenario } from './scenario.ts';

describe.each(dialects)('reports for the 2 March scenario on %s', (dialect) => {
  let t: TestDatabase;
  let reports: Reports;
  let ids: { alice: string; bob: string; carol: string };
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    ids = await seedScenario(t.repos);
    reports = createReports({ db: t.handle.db, dialect, now: () => NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('computes service level, ASA, AHT and abandon rate per queue with each queue its own threshold', async () => {
    const { queues, total } = await reports.queueSummary(PARIS_DAY);
    expect(queues.map((q) => q.queue)).toEqual(['lang-en', 'lang-fr']);
    const [en, fr] = queues;
    // lang-en (T = 20 s): c1..c5. Answered c1 (wait 10), c2 (25), c5 (20); abandoned c3 (5, short), c4 (45).
    // Within T: c1, c5 (20 <= 20) = 2. Unanswered after T: c4 = 1. SL = 2 / (3 + 1) = 0.5.
    // ASA = (10 + 25 + 20) / 3. Abandon = 2 / 5.
    // AHT = (talk + hold + wrap-up from the timesheet) / 3 = (120+0+30 + 300+60+300 + 200+30+10) / 3 = 1050 / 3.
    expect(en).toMatchObject({
      pbx: 'pbx1',
      thresholdSeconds: 20,
      offered: 5,
      answered: 3,
      abandoned: 2,
      otherUnanswered: 0,
      answeredWithinThreshold: 2,
      unansweredAfterThreshold: 1,
      abandonedWithinThreshold: 1,
      serviceLevel: 0.5,
      abandonRate: 0.4,
      longestWaitSeconds: 45,
      totalTalkSeconds: 620,
      totalHoldSeconds: 90,
      totalWrapupSeconds: 340,
    });
    expect(en!.asaSeconds).toBeCloseTo(55 / 3, 9);
    expect(en!.ahtSeconds).toBeCloseTo(1050 / 3, 9);
    // lang-fr (T = 30 s): c6 answered (28), c7 no-answer (60), c8 answered (35).
    // Within T: c6 = 1. Unanswered after T: c7 = 1. SL = 1 / (2 + 1). ASA = 63 / 2.
    // AHT = (90 + 150) / 2: no wrap-up interval follows c6 or c8 (the records' own 30 s is not used).
    expect(fr).toMatchObject({
      thresholdSeconds: 30,
      offered: 3,
      answered: 2,
      abandoned: 0,
      otherUnanswered: 1,
      answeredWithinThreshold: 1,
      unansweredAfterThreshold: 1,
      asaSeconds: 31.5,
      ahtSeconds: 120,
      abandonRate: 0,
      longestWaitSeconds: 60,
    });
    expect(fr!.serviceLevel).toBeCloseTo(1 / 3, 9);
    // All queues: offered 8, answered 5, abandoned 2, within 3, late 2: SL = 3 / 7; ASA = 118 / 5; AHT = 1290 / 5.
    expect(total).toMatchObject({ offered: 8, answered: 5, abandoned: 2, asaSeconds: 23.6, ahtSeconds: 258, abandonRate: 0.25, totalWrapupSeconds: 340 });
    expect(total.serviceLevel).toBeCloseTo(3 / 7, 9);
  });

  it('applies a threshold given with the request to every queue', async () => {
    const { queues } = await reports.queueSummary({ ...PARIS_DAY, serviceLevelSeconds: 30 });
    // lang-en at 30 s: within c1, c2, c5 = 3; after: c4 = 1 -> 3 / 4.
    expect(queues[0]).toMatchObject({ queue: 'lang-en', thresholdSeconds: 30, serviceLevel: 0.75 });
    await expect(reports.queueSummary({ ...PARIS_DAY, serviceLevelSeconds: 2.5 })).rejects.toMatchObject({ code: 'CTI_ERR_REPORT_RANGE' });
  });

  it('restricts the queue summary to the queues asked for', async () => {
    const { queues, total } = await reports.queueSummary({ ...PARIS_DAY, queues: ['lang-fr'] });
    expect(queues.map((q) => q.queue)).toEqual(['lang-fr']);
    expect(total.offered).toBe(3);
    expect((await reports.queueSummary({ ...PARIS_DAY, queues: [] })).queues).toEqual([]);
  });

  it('sums calls per answering agent, including calls outside queues, with the wrap-up the timesheet shows', async () => {
    const agents = await reports.agentSummary(PARIS_DAY);
    // Wrap-up is the timesheet's wrap-up intervals credited to each agent's calls, not the call records' figure.
    // Alice: c1, c5, c8, c9. Talk 120+200+150+60 = 530, hold 30, wrap-up 30+10 = 40 -> AHT 600 / 4; ring 31 / 4.
    // Bob: c2, c6. Talk 390, hold 60, wrap-up 300 -> AHT 750 / 2; ring 14 / 2; one transfer (c2).
    expect(agents).toEqual([
      {
        agentId: ids.alice,
        username: 'alice',
        displayName: 'Alice',
        answered: 4,
        talkSeconds: 530,
        holdSeconds: 30,
        wrapupSeconds: 40,
        ahtSeconds: 150,
        averageRingSeconds: 7.75,
        transferred: 0,
      },
      {
        agentId: ids.bob,
        username: 'bob',
        displayName: 'Bob',
        answered: 2,
        talkSeconds: 390,
        holdSeconds: 60,
        wrapupSeconds: 300,
        ahtSeconds: 375,
        averageRingSeconds: 7,
        transferred: 1,
      },
    ]);
    expect((await reports.agentSummary({ ...PARIS_DAY, agentIds: [ids.bob] })).map((a) => a.username)).toEqual(['bob']);
    const sheet = new Map((await reports.agentTimesheet(PARIS_DAY)).map((r) => [r.agentId, r.wrapupSeconds]));
    for (const a of agents) expect(a.wrapupSeconds).toBe(sheet.get(a.agentId));
  });

  it('buckets calls by local hour in Paris and by UTC hour', async () => {
    const paris = await reports.callsByHour(PARIS_DAY);
    expect(paris).toHaveLength(24);
    // 09h local: c1, c2, c3 (ASA (10+25)/2); 10h: c4, c5, c6 (ASA (20+28)/2); 11h: c7, c8, c9 (ASA (35+0)/2).
    expect(paris.filter((h) => h.offered > 0)).toEqual([
      { hour: 9, offered: 3, answered: 2, abandoned: 1, asaSeconds: 17.5 },
      { hour: 10, offered: 3, answered: 2, abandoned: 1, asaSeconds: 24 },
      { hour: 11, offered: 3, answered: 2, abandoned: 0, asaSeconds: 17.5 },
    ]);
    expect(paris[0]).toEqual({ hour: 0, offered: 0, answered: 0, abandoned: 0, asaSeconds: null });
    // The UTC day of 2 March shifts everything an hour earlier and takes in c10 at 23:30Z.
    const utc = await reports.callsByHour({ from: Z('2026-03-02T00:00:00'), to: Z('2026-03-03T00:00:00') });
    expect(utc.filter((h) => h.offered > 0).map((h) => [h.hour, h.offered])).toEqual([
      [8, 3],
      [9, 3],
      [10, 3],
      [23, 1],
    ]);
    const fixed = await reports.callsByHour({ ...PARIS_DAY, timeZone: '+01:00' });
    expect(fixed).toEqual(paris);
  });

  it('counts calls per local day', async () => {
    const days = await reports.callsByDay({ from: Z('2026-03-01T23:00:00'), to: Z('2026-03-03T23:00:00'), timeZone: 'Europe/Paris' });
    // c1..c9 on 2 March local; c10 (00:30 local) on 3 March; c0 (23:30 local on 1 March) outside.
    expect(days.map((d) => [d.date, d.offered, d.answered])).toEqual([
      ['2026-03-02', 9, 6],
      ['2026-03-03', 1, 1],
    ]);
  });

  it('builds the timesheet with sign-in, state times, pause reasons and occupancy', async () => {
    const sheet = await reports.agentTimesheet(PARIS_DAY);
    expect(sheet.map((r) => r.username)).toEqual(['alice', 'bob']);
    const [alice, bob] = sheet;
    // Alice: 07:50Z-11:50Z = 14 400 s. Ready 900 + 3150 + 6600; talk 120 + 200; wrap-up 30 + 10;
    // paused 1800 (lunch) + 1586 (no reason). Occupancy = (320 + 40) / (14 400 - 3386).
    expect(alice).toMatchObject({
      sessions: 1,
      firstSignInAt: Z('2026-03-02T07:50:00'),
      lastSignOutAt: Z('2026-03-02T11:50:00'),
      signedIn: false,
      signedInSeconds: 14_400,
      readySeconds: 10_650,
      ringingSeconds: 4,
      talkSeconds: 320,
      wrapupSeconds: 40,
      pausedSeconds: 3386,
      pausedByReason: { lunch: 1800, '': 1586 },
    });
    expect(alice!.occupancy).toBeCloseTo(360 / 11_014, 12);
    // Bob: the session began before the day and is open: 23:00Z -> NOW 12:00Z = 46 800 s.
    // Ready 33 625 + 9815; talk (on call) 360; wrap-up 300; paused 2700 (training). Occupancy = 660 / 44 100.
    expect(bob).toMatchObject({
      sessions: 1,
      firstSignInAt: Z('2026-03-01T22:30:00'),
      lastSignOutAt: null,
      signedIn: true,
      signedInSeconds: 46_800,
      readySeconds: 43_440,
      talkSeconds: 360,
      wrapupSeconds: 300,
      pausedSeconds: 2700,
      pausedByReason: { training: 2700 },
    });
    expect(bob!.occupancy).toBeCloseTo(660 / 44_100, 12);
    expect(await reports.agentTimesheet({ ...PARIS_DAY, agentIds: [ids.carol] })).toEqual([]);
  });

  it('rejects an empty or reversed range and an unknown time zone, naming the field', async () => {
    await expect(reports.queueSummary({ from: 10, to: 10 })).rejects.toMatchObject({ code: 'CTI_ERR_REPORT_RANGE', status: 400, details: { field: 'to' } });
    await expect(reports.agentSummary({ from: PARIS_DAY.to, to: PARIS_DAY.from })).rejects.toMatchObject({ details: { field: 'to' } });
    await expect(reports.callsByHour({ ...PARIS_DAY, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'CTI_ERR_REPORT_RANGE',
      details: { field: 'timeZone' },
    });
  });

  it('counts calls per queue and local hour', async () => {
    // lang-en: 09h c1, c2, c3 (c3 abandoned); 10h c4 (abandoned), c5. lang-fr: 10h c6; 11h c7 (no answer), c8.
    expect(await reports.callsByQueueHour(PARIS_DAY)).toEqual([
      { pbx: 'pbx1', queue: 'lang-en', hour: 9, offered: 3, answered: 2, abandoned: 1 },
      { pbx: 'pbx1', queue: 'lang-en', hour: 10, offered: 2, answered: 1, abandoned: 1 },
      { pbx: 'pbx1', queue: 'lang-fr', hour: 10, offered: 1, answered: 1, abandoned: 0 },
      { pbx: 'pbx1', queue: 'lang-fr', hour: 11, offered: 2, answered: 1, abandoned: 0 },
    ]);
    expect((await reports.callsByQueueHour({ ...PARIS_DAY, queues: ['lang-fr'] })).map((b) => b.hour)).toEqual([10, 11]);
  });

  it('puts abandoned calls into wait buckets', async () => {
    // Abandoned in the day: c3 after 5 s, c4 after 45 s (c0, 99 s, is the day before).
    expect((await reports.abandonByWait(PARIS_DAY)).map((b) => [b.fromSeconds, b.toSeconds, b.abandoned])).toEqual([
      [0, 10, 1],
      [10, 30, 0],
      [30, 60, 1],
      [60, 120, 0],
      [120, null, 0],
    ]);
    const wholeTwoDays = await reports.abandonByWait({ from: Z('2026-03-01T00:00:00'), to: Z('2026-03-03T00:00:00') });
    expect(wholeTwoDays.map((b) => b.abandoned)).toEqual([1, 0, 1, 1, 0]);
  });

  it('counts calls per queue and disposition code, calls without one under null', async () => {
    await t.repos.callRecords.setDisposition('pbx1', 'c1', { disposition: 'sale' });
    await t.repos.callRecords.setDisposition('pbx1', 'c2', { disposition: 'sale' });
    await t.repos.callRecords.setDisposition('pbx1', 'c5', { disposition: 'callback' });
    await t.repos.callRecords.setDisposition('pbx1', 'c6', { disposition: 'sale' });
    // c0 and c10 are outside the day; c9 has no queue. lang-en: c1, c2 sale; c5 callback; c3, c4 none.
    expect(await reports.dispositionCounts(PARIS_DAY)).toEqual([
      { pbx: 'pbx1', queue: 'lang-en', disposition: 'sale', calls: 2 },
      { pbx: 'pbx1', queue: 'lang-en', disposition: null, calls: 2 },
      { pbx: 'pbx1', queue: 'lang-en', disposition: 'callback', calls: 1 },
      { pbx: 'pbx1', queue: 'lang-fr', disposition: null, calls: 2 },
      { pbx: 'pbx1', queue: 'lang-fr', disposition: 'sale', calls: 1 },
    ]);
    expect(await reports.dispositionCounts({ ...PARIS_DAY, queues: ['nowhere'] })).toEqual([]);
  });

  it('names agents and queues', async () => {
    await t.repos.queueSettings.upsert('pbx1', 'lang-fr', { displayName: 'Français' });
    expect(await reports.queueNames()).toEqual(new Map([['pbx1\u0000lang-fr', 'Français']]));
    expect(await reports.agentNames([ids.alice, ids.bob])).toEqual(new Map([[ids.alice, 'Alice'], [ids.bob, 'Bob']]));
  });
});

describe.each(dialects)('hour buckets across a DST change on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('puts calls either side of the spring-forward gap in local hours 1 and 3', async () => {
    // Paris jumps from 02:00 (UTC+1) to 03:00 (UTC+2) at 01:00Z on 29 March 2026.
    const base = { pbx: 'pbx1', direction: 'inbound' as const, outcome: 'answered' as const };
    await t.repos.callRecords.upsert({ ...base, linkedid: 'd1', startedAt: Z('2026-03-29T00:30:00') });
    await t.repos.callRecords.upsert({ ...base, linkedid: 'd2', startedAt: Z('2026-03-29T01:30:00') });
    await t.repos.callRecords.upsert({ ...base, linkedid: 'd3', startedAt: Z('2026-03-29T21:59:59') });
    const reports = createReports({ db: t.handle.db, dialect });
    const hours = await reports.callsByHour({ from: Z('2026-03-28T23:00:00'), to: Z('2026-03-29T22:00:00'), timeZone: 'Europe/Paris' });
    expect(hours.filter((h) => h.offered > 0).map((h) => h.hour)).toEqual([1, 3, 23]);
  });
});
