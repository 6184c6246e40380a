import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerDirectory } from '../../src/directory/customer-lookup.ts';
import { normaliseNumber } from '../../src/directory/phone-number.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe('phone number normalisation', () => {
  it('turns national and international spellings into one E.164 key', () => {
    for (const raw of ['(555) 123-4567', '555-123-4567', '1 555 123 4567', '+1 555 123 4567', '+15551234567', '011 1 555 123 4567']) {
      expect(normaliseNumber(raw, 'US'), raw).toBe('+15551234567');
    }
    for (const raw of ['020 7946 0018', '0044 20 7946 0018', '+44 (0)20 7946 0018']) {
      expect(normaliseNumber(raw, 'GB'), raw).toBe('+442079460018');
    }
    expect(normaliseNumber('0555 123 4567', 'TR')).toBe('+905551234567');
    // 00 is the international prefix though the US dials 011.
    expect(normaliseNumber('0044 20 7946 0018', 'US')).toBe('+442079460018');
    expect(normaliseNumber('0044 20 7946 0018')).toBe('+442079460018');
  });

  it('refuses extensions, junk and national numbers without a default country', () => {
    expect(normaliseNumber('1001', 'US')).toBeNull();
    expect(normaliseNumber('anonymous', 'US')).toBeNull();
    expect(normaliseNumber('', 'US')).toBeNull();
    expect(normaliseNumber(undefined, 'US')).toBeNull();
    expect(normaliseNumber('(555) 123-4567')).toBeNull();
  });
});

describe.each(dialects)('customer directory on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect, { defaultCountry: 'US' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a customer with two numbers in any format and reads them back in E.164', async () => {
    const c = await t.repos.customers.create({
      name: 'Acme Corp',
      address: '1 Main St',
      language: 'en',
      numbers: ['(555) 123-4567', '+44 20 7946 0018', '555.123.4567'],
    });
    expect(c.numbers).toEqual(['+15551234567', '+442079460018']);
    expect(await t.repos.customers.get(c.id)).toEqual(c);
  });

  it('pops the same customer whichever way the caller number is written', async () => {
    const directory = createCustomerDirectory({ customers: t.repos.customers, defaultCountry: 'US' });
    for (const raw of ['+15551234567', '5551234567', '(555) 123-4567', '1-555-123-4567', '442079460018', '011 44 20 7946 0018']) {
      expect((await directory.findCustomerByNumber(raw))?.name, raw).toBe('Acme Corp');
    }
    expect(await directory.findCustomerByNumber('1001')).toBeUndefined();
    expect(await directory.findCustomerByNumber('+15550000000')).toBeUndefined();
    expect(await directory.findCustomerByNumber(null)).toBeUndefined();
  });

  it('refuses a number another customer already has, and an unparseable one', async () => {
    await expect(t.repos.customers.create({ name: 'Copycat', numbers: ['555 123 4567'] })).rejects.toMatchObject({
      code: 'CTI_ERR_DUPLICATE_RECORD',
    });
    expect((await t.repos.customers.search({ q: 'Copycat' })).total).toBe(0);
    await expect(t.repos.customers.create({ name: 'Bad', numbers: ['12'] })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_PHONE_NUMBER' });
    await expect(t.repos.customers.create({ name: '  ', numbers: [] })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
  });

  it('updates fields and replaces numbers', async () => {
    const c = await t.repos.customers.create({ name: 'Globex', company: 'Globex Corporation', numbers: ['555 222 0001'] });
    expect(c.company).toBe('Globex Corporation');
    t.clock.now += 60_000;
    const u = await t.repos.customers.update(c.id, { notes: 'VIP', company: 'Globex Ltd', numbers: ['555 222 0002'] });
    expect(u).toMatchObject({ name: 'Globex', company: 'Globex Ltd', notes: 'VIP', numbers: ['+15552220002'], updatedAt: t.clock.now, createdAt: c.createdAt });
    expect(await t.repos.customers.findByE164('+15552220001')).toBeUndefined();
    await expect(t.repos.customers.update('missing', { name: 'x' })).rejects.toMatchObject({ code: 'CTI_ERR_RECORD_NOT_FOUND' });
  });

  it('searches by name case-insensitively, by digits of a number, and pages', async () => {
    await t.repos.customers.create({ name: 'acme Europe', numbers: ['+33 1 23 45 67 89'] });
    await t.repos.customers.create({ name: '100% Juice_Bar', numbers: [] });
    const byName = await t.repos.customers.search({ q: 'ACME' });
    expect(byName.items.map((c) => c.name).sort()).toEqual(['Acme Corp', 'acme Europe']);
    expect(byName.total).toBe(2);
    expect((await t.repos.customers.search({ q: '7946' })).items.map((c) => c.name)).toEqual(['Acme Corp']);
    // Wildcard characters are plain text in a search.
    expect((await t.repos.customers.search({ q: '100%' })).items.map((c) => c.name)).toEqual(['100% Juice_Bar']);
    expect((await t.repos.customers.search({ q: '_' })).items.map((c) => c.name)).toEqual(['100% Juice_Bar']);
    const page = await t.repos.customers.search({ limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(4);
  });

  it('deletes a customer and frees its numbers', async () => {
    const c = await t.repos.customers.create({ name: 'Temp', numbers: ['555 333 0001'] });
    expect(await t.repos.customers.remove(c.id)).toBe(true);
    expect(await t.repos.customers.findByE164('+15553330001')).toBeUndefined();
    await t.repos.customers.create({ name: 'Reuse', numbers: ['555 333 0001'] });
  });
});
