/**
 * Validation of one customer CSV row: the number must normalise to E.164,
 * the name is required, the language is a short BCP 47 code ('en', 'pt-BR').
 */
import { type CountryCode, normaliseNumber } from './phone-number.ts';
import type { CsvColumn, CsvRow } from './csv-rows.ts';

export interface ValidCustomerRow {
  line: number;
  number: string;
  name: string;
  /** Only the columns present in the file; an empty cell clears the field. */
  fields: Partial<Record<'address' | 'language' | 'notes', string | null>>;
}

export interface RejectedRow {
  line: number;
  reasons: string[];
  /** The raw cells, for display next to the reasons. */
  values: Partial<Record<CsvColumn, string>>;
}

const LIMITS = { name: 200, address: 500, notes: 4000 } as const;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

export function canonicalLanguage(raw: string): string | undefined {
  if (!LANGUAGE.test(raw)) return undefined;
  try {
    return Intl.getCanonicalLocales(raw)[0];
  } catch {
    return undefined;
  }
}

export function validateRow(
  row: CsvRow,
  columns: readonly CsvColumn[],
  defaultCountry: CountryCode | undefined,
): ValidCustomerRow | RejectedRow {
  const reasons: string[] = [];
  const v = row.values;
  const rawNumber = v.number ?? '';
  const number = normaliseNumber(rawNumber, defaultCountry);
  if (rawNumber === '') reasons.push('number is required');
  else if (number === null) reasons.push(`number ${JSON.stringify(rawNumber)} is not a valid phone number`);
  const name = v.name ?? '';
  if (name === '') reasons.push('name is required');
  else if (name.length > LIMITS.name) reasons.push(`name is longer than ${LIMITS.name} characters`);

  const fields: ValidCustomerRow['fields'] = {};
  if (columns.includes('address')) {
    const address = v.address ?? '';
    if (address.length > LIMITS.address) reasons.push(`address is longer than ${LIMITS.address} characters`);
    fields.address = address === '' ? null : address;
  }
  if (columns.includes('notes')) {
    const notes = v.notes ?? '';
    if (notes.length > LIMITS.notes) reasons.push(`notes are longer than ${LIMITS.notes} characters`);
    fields.notes = notes === '' ? null : notes;
  }
  if (columns.includes('language')) {
    const raw = v.language ?? '';
    const language = raw === '' ? null : canonicalLanguage(raw);
    if (language === undefined) reasons.push(`language ${JSON.stringify(raw)} is not a short language code such as en or pt-BR`);
    else fields.language = language;
  }
  if (reasons.length > 0 || number === null) return { line: row.line, reasons, values: v };
  return { line: row.line, number, name, fields };
}

export function isRejected(row: ValidCustomerRow | RejectedRow): row is RejectedRow {
  return 'reasons' in row;
}
