import type { Logger } from 'pino';
import { type CrmContact, type CrmFieldPaths, readCrmContact } from './crm-contact.ts';

export interface CrmLookupConfig {
  urlTemplate?: string | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  lateTimeoutMs: number;
  cacheTtlSeconds: number;
  cacheSize: number;
  resultPath: string;
  fields: CrmFieldPaths;
}

export interface CrmCounters {
  /** found, not-found, error (HTTP error, bad JSON, network), timeout (gave up after lateTimeoutMs). */
  lookup(outcome: 'found' | 'not-found' | 'error' | 'timeout'): void;
  /** The ringing event went out without waiting for the CRM any longer. */
  late(): void;
}

/** Why a CRM lookup failed; logged and counted, never thrown at the ringing event. */
export class CrmLookupFailed extends Error {
  constructor(
    message: string,
    readonly outcome: 'error' | 'timeout',
  ) {
    super(message);
  }
}

/**
 * The configured CRM: `GET` the URL template with `{e164}` filled in (URL-encoded), with the
 * configured headers, abandoned after `lateTimeoutMs`. 404 and an answer without a contact mean
 * "not found"; other non-2xx answers, bad JSON and network errors are failures (logged, counted,
 * not cached). Answers are cached per number for `cacheTtlSeconds` (at most `cacheSize` numbers,
 * oldest out first), and concurrent lookups of one number share one request.
 */
export function createCrmClient(deps: { config: CrmLookupConfig & { urlTemplate: string }; log: Logger; counters?: CrmCounters; now?: () => number }) {
  const { config, log } = deps;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; contact: CrmContact | null }>();
  const inFlight = new Map<string, Promise<CrmContact | null>>();

  const fetchContact = async (e164: string): Promise<CrmContact | null> => {
    const url = config.urlTemplate.replaceAll('{e164}', encodeURIComponent(e164));
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/json', ...config.headers }, redirect: 'error', signal: AbortSignal.timeout(config.lateTimeoutMs) });
    } catch (err) {
      const e = err as Error;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new CrmLookupFailed(`no answer within ${config.lateTimeoutMs} ms`, 'timeout');
      throw new CrmLookupFailed(`${(e.cause as Error | undefined)?.message ?? e.message}`, 'error');
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new CrmLookupFailed(`HTTP ${res.status}`, 'error');
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      const e = err as Error;
      throw new CrmLookupFailed(e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${config.lateTimeoutMs} ms` : 'the answer is not JSON', e.name === 'TimeoutError' ? 'timeout' : 'error');
    }
    return readCrmContact(json, config.resultPath, config.fields) ?? null;
  };

  return {
    /** The CRM's contact for an E.164 number (null: not found); rejects with `CrmLookupFailed`. */
    lookup(e164: string): Promise<CrmContact | null> {
      const hit = cache.get(e164);
      if (hit && now() - hit.at < config.cacheTtlSeconds * 1000) return Promise.resolve(hit.contact);
      const running = inFlight.get(e164);
      if (running) return running;
      const p = fetchContact(e164)
        .then((contact) => {
          deps.counters?.lookup(contact ? 'found' : 'not-found');
          if (config.cacheSize > 0 && config.cacheTtlSeconds > 0) {
            cache.delete(e164);
            cache.set(e164, { at: now(), contact });
            while (cache.size > config.cacheSize) cache.delete(cache.keys().next().value as string);
          }
          return contact;
        })
        .catch((err: unknown) => {
          const failure = err instanceof CrmLookupFailed ? err : new CrmLookupFailed((err as Error).message, 'error');
          deps.counters?.lookup(failure.outcome);
          log.warn({ number: e164, outcome: failure.outcome, err: failure.message }, 'CRM lookup failed; the screen pop goes with the directory only');
          throw failure;
        })
        .finally(() => inFlight.delete(e164));
      inFlight.set(e164, p);
      return p;
    },
    /** Numbers cached now. */
    get cached(): number {
      return cache.size;
    },
  };
}
export type CrmClient = ReturnType<typeof createCrmClient>;
