import type { CustomerSummary } from '@amiable/protocol';
import type { CrmClient, CrmCounters } from './crm-client.ts';
import { type CrmContact, mergeCustomer } from './crm-contact.ts';

/**
 * The customer behind a caller's number for the screen pop: `now` is what the ringing event
 * carries, ready within the CRM timeout at most; `later`, when the CRM answered after that, is the
 * merged customer its answer gives (null: it changed nothing), for an update of the pop.
 */
export interface CustomerAnswer {
  now: Promise<CustomerSummary | null>;
  later: Promise<CustomerSummary | null> | null;
}

export type CustomerLookup = (number: string) => CustomerAnswer;

const TIMED_OUT = Symbol('timed out');

/**
 * The built-in directory, merged with the CRM when one is configured (the directory wins, see
 * `mergeCustomer`). The directory is always awaited (it is the server's own database); the CRM is
 * awaited at most `timeoutMs`. A CRM failure counts as "nothing from the CRM".
 */
export function createScreenPopLookup(deps: {
  directory: (number: string) => Promise<CustomerSummary | null>;
  /** E.164 of a caller's number, or null when it is not a phone number (an extension, say). */
  normalise: (number: string) => string | null;
  crm?: { client: CrmClient; timeoutMs: number; counters?: CrmCounters };
}): CustomerLookup {
  const { crm } = deps;
  return (number) => {
    const directory = deps.directory(number);
    const e164 = crm ? deps.normalise(number) : null;
    if (!crm || e164 === null) return { now: directory, later: null };
    const fromCrm: Promise<CrmContact | null> = crm.client.lookup(e164).catch(() => null);
    let timer: NodeJS.Timeout | undefined;
    const bounded = Promise.race([
      fromCrm,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), crm.timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const now = Promise.all([directory, bounded]).then(([d, c]) => mergeCustomer(d, c === TIMED_OUT ? null : c));
    const later = bounded.then(async (c) => {
      if (c !== TIMED_OUT) return null;
      crm.counters?.late();
      const [d, contact] = await Promise.all([directory, fromCrm]);
      if (!contact) return null;
      const merged = mergeCustomer(d, contact);
      return JSON.stringify(merged) === JSON.stringify(mergeCustomer(d, null)) ? null : merged;
    });
    return { now, later };
  };
}
