/**
 * The customer directory: customers with one or more E.164 phone numbers.
 * A number belongs to one customer at most (it is the lookup key for screen pop).
 * Numbers given in any format are normalised against `defaultCountry`.
 */
import type { Kysely, Selectable } from 'kysely';
import { type CountryCode, normaliseNumber } from '../../directory/phone-number.ts';
import { containsText } from '../sql-dialect.ts';
import { InvalidPhoneNumberError, InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { CustomersTable, Database } from '../schema.ts';
import { type Page, type RepositoryDeps, clockOf, definedOnly, guardUnique, newId, pageLimit } from './common.ts';

export interface Customer {
  id: string;
  name: string;
  company: string | null;
  address: string | null;
  language: string | null;
  notes: string | null;
  /** E.164 numbers, sorted. */
  numbers: string[];
  createdAt: number;
  updatedAt: number;
}

export interface CustomerInput {
  name: string;
  company?: string | null;
  address?: string | null;
  language?: string | null;
  notes?: string | null;
  /** Any format; normalised to E.164. */
  numbers?: readonly string[];
}

export interface CustomerSearch extends Page {
  /** Case-insensitive substring of the name, or digits of a number. */
  q?: string;
}

export interface CustomersRepository {
  create(input: CustomerInput): Promise<Customer>;
  get(id: string): Promise<Customer | undefined>;
  /** Updates the named fields; `numbers`, when given, replaces the customer's numbers. */
  update(id: string, patch: Partial<CustomerInput>): Promise<Customer>;
  remove(id: string): Promise<boolean>;
  search(query?: CustomerSearch): Promise<{ items: Customer[]; total: number }>;
  /** Exact lookup by an already-normalised E.164 number. */
  findByE164(number: string): Promise<Customer | undefined>;
}

export interface CustomersRepositoryDeps extends RepositoryDeps {
  /** Country for numbers written without an international prefix. */
  defaultCountry?: CountryCode;
}

function toCustomer(row: Selectable<CustomersTable>, numbers: string[]): Customer {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    address: row.address,
    language: row.language,
    notes: row.notes,
    numbers,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function numbersOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('customer_numbers')
    .select(['customer_id', 'number'])
    .where('customer_id', 'in', ids)
    .orderBy('number')
    .execute();
  for (const r of rows) out.get(r.customer_id)?.push(r.number);
  return out;
}

export function createCustomersRepository(deps: CustomersRepositoryDeps): CustomersRepository {
  const { db } = deps;
  const now = clockOf(deps);

  const normaliseAll = (numbers: readonly string[]): string[] => {
    const out = numbers.map((raw) => {
      const e164 = normaliseNumber(raw, deps.defaultCountry);
      if (e164 === null) throw new InvalidPhoneNumberError(raw);
      return e164;
    });
    return [...new Set(out)].sort();
  };
  const checkName = (name: string): string => {
    const value = name.trim();
    if (value === '') throw new InvalidRecordError('customer name is required');
    return value;
  };
  const writeNumbers = async (trx: Kysely<Database>, customerId: string, numbers: string[]) => {
    await trx.deleteFrom('customer_numbers').where('customer_id', '=', customerId).execute();
    if (numbers.length === 0) return;
    await guardUnique('customer', 'number', numbers.join(', '), () =>
      trx
        .insertInto('customer_numbers')
        .values(numbers.map((number) => ({ number, customer_id: customerId, label: null })))
        .execute(),
    );
  };

  const repo: CustomersRepository = {
    async create(input) {
      const at = now();
      const numbers = normaliseAll(input.numbers ?? []);
      const row = {
        id: newId(),
        name: checkName(input.name),
        company: input.company ?? null,
        address: input.address ?? null,
        language: input.language ?? null,
        notes: input.notes ?? null,
        created_at: at,
        updated_at: at,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('customers').values(row).execute();
        await writeNumbers(trx, row.id, numbers);
      });
      return toCustomer(row, numbers);
    },
    async get(id) {
      const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      return toCustomer(row, (await numbersOf(db, [id])).get(id) ?? []);
    },
    async update(id, patch) {
      const numbers = patch.numbers === undefined ? undefined : normaliseAll(patch.numbers);
      const set = definedOnly({
        name: patch.name === undefined ? undefined : checkName(patch.name),
        company: patch.company,
        address: patch.address,
        language: patch.language,
        notes: patch.notes,
      });
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('customers')
          .set({ ...set, updated_at: now() })
          .where('id', '=', id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('customer', id);
        if (numbers !== undefined) await writeNumbers(trx, id, numbers);
      });
      return (await repo.get(id))!;
    },
    async remove(id) {
      const result = await db.deleteFrom('customers').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async search(query = {}) {
      const { limit, offset } = pageLimit(query, 50, 500);
      const q = query.q?.trim() ?? '';
      const digits = q.replace(/\D/g, '');
      let base = db.selectFrom('customers');
      if (q !== '') {
        base = base.where((eb) => {
          const byName = containsText(deps.dialect, eb.ref('customers.name'), q);
          if (digits.length < 3) return byName;
          const byNumber = eb.exists(
            eb
              .selectFrom('customer_numbers')
              .select('customer_numbers.number')
              .whereRef('customer_numbers.customer_id', '=', 'customers.id')
              .where('customer_numbers.number', 'like', `%${digits}%`),
          );
          return eb.or([byName, byNumber]);
        });
      }
      const [rows, count] = await Promise.all([
        base.selectAll('customers').orderBy('customers.name').orderBy('customers.id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const numbers = await numbersOf(
        db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toCustomer(r, numbers.get(r.id) ?? [])), total: Number(count.n) };
    },
    async findByE164(number) {
      const row = await db
        .selectFrom('customer_numbers')
        .innerJoin('customers', 'customers.id', 'customer_numbers.customer_id')
        .selectAll('customers')
        .where('customer_numbers.number', '=', number)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return toCustomer(row, (await numbersOf(db, [row.id])).get(row.id) ?? []);
    },
  };
  return repo;
}
