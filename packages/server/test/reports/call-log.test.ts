import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/reports/csv-format.ts';
import { CALL_LOG_CSV_COLUMNS, type Reports, createReports } from '../../src/reports/index.ts';
import { type TestDatabase, dialects, openTestDatabase } from '../persistence/test-database.ts';
import { NOW, PARIS_DAY, seedScenario } from './scenario.ts';

describe('CSV cells', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas but not phone numbers', () => {
    expect(csvCell('Acme, "West"')).toBe('"Acme, ""West"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd|x')).toBe("'-cmd|x");
    expect(csvCell('+15551234567')).toBe('+15551234567');
    expect(csvCell('+44 (0)20 7946 0018')).toBe('+44 (0)20 7946 0018');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });
});

describe.each(dialects)('call log and CSV export on %s', (dialect) => {
  let t: TestDatabase;
  let reports: Reports;
  let ids: { alice: string; bob: string };
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    ids = await seedScenario(t.repos);
    reports = createReports({ db: t.handle.db, dialect, now: () => NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the day newest first and filters by queue, agent, outcome and number', async () => {
    const day = await reports.callLog(PARIS_DAY);
    expect(day.items.map((c) => c.linkedid)).toEqual(['c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1']);
    const fr = await reports.callLog({ ...PARIS_DAY, queue: 'lang-fr' });
    expect(fr.items.map((c) => c.linkedid)).toEqual(['c8', 'c7', 'c6']);
    const bob = await reports.callLog({ ...PARIS_DAY, agentId: ids.bob });
    expect(bob.items.map((c) => c.linkedid)).toEqual(['c6', 'c2']);
    expect((await reports.callLog({ ...PARIS_DAY, outcome: 'abandoned' })).items.map((c) => c.linkedid)).toEqual(['c4', 'c3']);
    // Digits of the caller or the called number, punctuation ignored.
    expect((await reports.callLog({ number: '(555) 123-0003' })).items.map((c) => c.linkedid)).toEqual(['c3']);
    expect((await reports.callLog({ number: '999 0000' })).items.map((c) => c.linkedid)).toEqual(['c9']);
    expect((await reports.callLog({ ...PARIS_DAY, direction: 'outbound' })).items.map((c) => c.linkedid)).toEqual(['c9']);
  });

  it('pages with a cursor without skipping or repeating calls', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reports.callLog({}, { limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => c.linkedid));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    const byOffset = await reports.callLog({}, { limit: 3, offset: 3 });
    expect(byOffset.items.map((c) => c.linkedid)).toEqual(['c7', 'c6', 'c5']);
    await expect(reports.callLog({}, { cursor: 'garbage' })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_CURSOR' });
  });

  it('exports the filtered call log as CSV with local times, escaping and defused formulas', async () => {
    const csv = await reports.callLogCsvText({ ...PARIS_DAY, queue: 'lang-en' }, { timeZone: 'Europe/Paris' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CALL_LOG_CSV_COLUMNS.join(','));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 5 + 1);
    const c1 = lines.find((l) => l.includes(',c1,'))!;
    expect(c1.startsWith('2026-03-02T09:05:00+01:00,2026-03-02T09:05:10+01:00,2026-03-02T09:15:00+01:00,pbx1,c1,inbound,lang-en,+15551230001,"Acme, ""West""",')).toBe(true);
    expect(c1).toContain(`,answered,1011,${ids.alice},10,5,120,0,30,0,,`);
    const c4 = lines.find((l) => l.includes(',c4,'))!;
    expect(c4).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(c4).toContain(',abandoned,,,45,');
  });

  it('streams the export in chunks, header first', async () => {
    const chunks: string[] = [];
    for await (const chunk of reports.callLogCsv({})) chunks.push(chunk);
    expect(chunks[0]).toBe(`${CALL_LOG_CSV_COLUMNS.join(',')}\r\n`);
    expect(chunks.join('').split('\r\n').filter(Boolean)).toHaveLength(12);
  });
});
