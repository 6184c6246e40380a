/**
 * Finds the customer behind a caller's number, tolerant of the formats
 * Asterisk and users produce: national ('(555) 123-4567'), international with
 * '+' or an international prefix ('0044...', '011 44...'), or international
 * digits without the '+' (some trunks strip it: '442079460018').
 */
import type { Customer, CustomersRepository } from '../persistence/repositories/customers.ts';
import { type CountryCode, normaliseNumber } from './phone-number.ts';

export interface CustomerDirectoryDeps {
  customers: Pick<CustomersRepository, 'findByE164'>;
  /** Country assumed for national numbers. */
  defaultCountry?: CountryCode;
}

export interface CustomerDirectory {
  /** E.164 of `raw` under the default country, or null. */
  normalise(raw: string | null | undefined): string | null;
  /** Candidate E.164 keys for `raw`, most likely first. */
  candidates(raw: string | null | undefined): string[];
  findCustomerByNumber(raw: string | null | undefined): Promise<Customer | undefined>;
}

export function createCustomerDirectory(deps: CustomerDirectoryDeps): CustomerDirectory {
  const candidates = (raw: string | null | undefined): string[] => {
    if (raw === null || raw === undefined) return [];
    const out: string[] = [];
    const national = normaliseNumber(raw, deps.defaultCountry);
    if (national !== null) out.push(national);
    const digits = raw.replace(/[\s().-]/g, '');
    if (/^\d{8,15}$/.test(digits)) {
      const international = normaliseNumber(`+${digits}`);
      if (international !== null && !out.includes(international)) out.push(international);
    }
    return out;
  };
  return {
    normalise: (raw) => normaliseNumber(raw, deps.defaultCountry),
    candidates,
    async findCustomerByNumber(raw) {
      for (const number of candidates(raw)) {
        const customer = await deps.customers.findByE164(number);
        if (customer !== undefined) return customer;
      }
      return undefined;
    },
  };
}
