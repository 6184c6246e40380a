import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CsvImportProgress, importCustomersCsv } from '../../src/directory/csv-import.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

/**
 * 10,000 customers with the columns in an unusual order plus an extra column,
 * numbers in mixed US formats, one quoted multi-line note (so line numbers and
 * row numbers differ) and exactly three bad rows.
 */
function generateCsv(version: string): { text: string; badLines: number[] } {
  const lines = ['notes,Name,crm_id,number,language,address'];
  const badLines: number[] = [];
  let line = 2;
  for (let i = 0; i < 10_000; i++) {
    const n = String(i).padStart(4, '0');
    const formats = [`+1 555 20${n.slice(0, 1)} ${n}`, `(555) 20${n.slice(0, 1)}-${n}`, `555.20${n.slice(0, 1)}.${n}`];
    let number = formats[i % 3]!;
    let name = `Customer ${i} ${version}`;
    let language = i % 2 === 0 ? 'en' : 'fr';
    let notes = '';
    if (i === 7) notes = '"Prefers email,\nnever calls after 5pm"';
    if (i === 1234) number = 'call me maybe';
    if (i === 5000) name = '';
    if (i === 9876) language = 'English please';
    if (i === 1234 || i === 5000 || i === 9876) badLines.push(line);
    lines.push(`${notes},${name},X${i},${number},${language},"${i} Elm Street, Springfield"`);
    line += notes.includes('\n') ? 2 : 1;
  }
  return { text: `${lines.join('\n')}\n`, badLines };
}

describe.each(dialects)('customer CSV import on %s', (dialect) => {
  let t: TestDatabase;
  const deps = () => ({ db: t.handle.db, dialect, now: () => t.clock.now, defaultCountry: 'US' as const });
  const countCustomers = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(t.handle.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { defaultCountry: 'US' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports 10,000 customers, reporting exactly the three bad rows with their line numbers', async () => {
    const { text, badLines } = generateCsv('v1');
    const progress: CsvImportProgress[] = [];
    const result = await importCustomersCsv(deps(), text, { onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ total: 10_000, inserted: 9_997, updated: 0, committed: true, mode: 'best-effort' });
    expect(result.rejected.map((r) => r.line)).toEqual(badLines);
    // Row 1234 sits on line 1237 because row 7's note spans two lines.
    expect(badLines).toEqual([1237, 5003, 9879]);
    expect(result.rejected[0]!.reasons).toEqual(['number "call me maybe" is not a valid phone number']);
    expect(result.rejected[1]!.reasons).toEqual(['name is required']);
    expect(result.rejected[2]!.reasons[0]).toMatch(/^language "English please"/);
    expect(await countCustomers()).toBe(9_997);

    const multi = await t.repos.customers.findByE164('+15552000007');
    expect(multi).toMatchObject({ name: 'Customer 7 v1', notes: 'Prefers email,\nnever calls after 5pm', language: 'fr' });
    expect((await t.repos.customers.findByE164('+15552011001'))?.address).toBe('1001 Elm Street, Springfield');

    const validating = progress.filter((p) => p.phase === 'validating');
    const writing = progress.filter((p) => p.phase === 'writing');
    expect(validating.at(-1)).toEqual({ phase: 'validating', processed: 10_000, total: 10_000 });
    expect(writing.at(-1)).toEqual({ phase: 'writing', processed: 9_997, total: 9_997 });
    expect(writing.map((p) => p.processed)).toEqual([...writing.map((p) => p.processed)].sort((a, b) => a - b));
  });

  it('updates the same customers when the file is imported again, creating no duplicates', async () => {
    const before = await t.repos.customers.findByE164('+15552000042');
    t.clock.now += 3_600_000;
    const { text } = generateCsv('v2');
    const result = await importCustomersCsv(deps(), text);
    expect(result).toMatchObject({ total: 10_000, inserted: 0, updated: 9_997 });
    expect(result.rejected).toHaveLength(3);
    expect(await countCustomers()).toBe(9_997);
    const after = await t.repos.customers.findByE164('+15552000042');
    expect(after).toMatchObject({ id: before!.id, name: 'Customer 42 v2', createdAt: before!.createdAt, updatedAt: t.clock.now });
  });

  it('imports nothing in all-or-nothing mode when a single row is bad', async () => {
    const csv = 'number,name\n+1 555 300 0001,New One\n+1 555 300 0002,New Two\nnope,Broken\n';
    const result = await importCustomersCsv(deps(), csv, { mode: 'all-or-nothing' });
    expect(result).toMatchObject({ committed: false, inserted: 0, updated: 0, total: 3 });
    expect(result.rejected).toEqual([{ line: 4, reasons: ['number "nope" is not a valid phone number'], values: { number: 'nope', name: 'Broken' } }]);
    expect(await t.repos.customers.findByE164('+15553000001')).toBeUndefined();
    expect(await countCustomers()).toBe(9_997);
  });

  it('commits an all-or-nothing file that is entirely valid, read from a stream', async () => {
    const csv = 'NAME , Number\nStream One,+1 555 300 0011\n\nStream Two,555-300-0012\n';
    const result = await importCustomersCsv(deps(), Readable.from([csv.slice(0, 17), csv.slice(17)]), { mode: 'all-or-nothing' });
    expect(result).toMatchObject({ committed: true, inserted: 2, rejected: [] });
    expect((await t.repos.customers.findByE164('+15553000012'))?.name).toBe('Stream Two');
  });

  it('keeps columns the file does not carry, and reports a number repeated in the file', async () => {
    const csv = 'number,name\n+1 555 200 0042,Renamed Only\n(555) 200-0042,Second Copy\n';
    const result = await importCustomersCsv(deps(), csv);
    expect(result).toMatchObject({ updated: 1, inserted: 0 });
    expect(result.rejected).toEqual([
      { line: 3, reasons: ['number +15552000042 already appears on line 2'], values: { number: '(555) 200-0042', name: 'Second Copy' } },
    ]);
    expect(await t.repos.customers.findByE164('+15552000042')).toMatchObject({ name: 'Renamed Only', language: 'en' });
  });

  it('refuses a file without the required columns, or one that leaves a quote open', async () => {
    await expect(importCustomersCsv(deps(), 'phone,fullname\n1,2\n')).rejects.toMatchObject({
      code: 'CTI_ERR_CSV_IMPORT',
      details: { missing: ['number', 'name'] },
    });
    await expect(importCustomersCsv(deps(), 'number,name\n+15553009999,Ok\n"+15553009998,Open quote\n')).rejects.toMatchObject({
      code: 'CTI_ERR_CSV_IMPORT',
      details: { line: 3 },
    });
    await expect(importCustomersCsv(deps(), '')).rejects.toMatchObject({ code: 'CTI_ERR_CSV_IMPORT' });
    expect(await t.repos.customers.findByE164('+15553009999')).toBeUndefined();
  });

  it('rolls the whole import back if the database fails mid-way', async () => {
    // One row per chunk; the failure strikes after the first chunk was written inside the transaction.
    const csv = 'number,name\n+1 555 400 0001,Roll One\n+1 555 400 0002,Roll Two\n';
    let calls = 0;
    const failing = importCustomersCsv(deps(), csv, {
      chunkSize: 1,
      onProgress: (p) => {
        if (p.phase === 'writing' && ++calls === 1) throw new Error('client went away');
      },
    });
    await expect(failing).rejects.toThrow('client went away');
    expect(await t.repos.customers.findByE164('+15554000001')).toBeUndefined();
  });

  it('reads a 00 international prefix as + though the default country dials 011', async () => {
    const csv = 'number,name\n0044 20 7946 0123,Double Zero London\n00 33 6 34 56 78 91,Double Zero Paris\n';
    const result = await importCustomersCsv(deps(), csv);
    expect(result).toMatchObject({ total: 2, inserted: 2, committed: true });
    expect(result.rejected).toEqual([]);
    expect((await t.repos.customers.findByE164('+442079460123'))?.name).toBe('Double Zero London');
    expect((await t.repos.customers.findByE164('+33634567891'))?.name).toBe('Double Zero Paris');
  });
});
