import { AmiPortBadRequestError, AmiPortForbiddenError } from './errors.ts';

const AUDIT_VALUE_MAX = 256;

/**
 * The headers of one client action, looked up without regard to case as
 * Asterisk does. Policies read only the headers they allow; anything else is
 * refused, so that no header the policy did not consider can reach Asterisk.
 */
export class ActionHeaders {
  /** The action name as the client wrote it. */
  readonly name: string;
  readonly actionId: string | undefined;
  readonly #values = new Map<string, string[]>();

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    for (const [k, v] of pairs) {
      const key = k.toLowerCase();
      const list = this.#values.get(key);
      if (list) list.push(v);
      else this.#values.set(key, [v]);
    }
    this.name = this.get('Action') ?? '';
    this.actionId = this.get('ActionID');
  }

  get(key: string): string | undefined {
    return this.#values.get(key.toLowerCase())?.[0];
  }

  require(key: string): string {
    const v = this.get(key);
    if (v === undefined || v === '') throw new AmiPortBadRequestError(`Missing header: ${key}`, { header: key });
    return v;
  }

  /** Refuses headers outside `allowed` (Action and ActionID are always allowed) and repeated headers. */
  allowOnly(allowed: readonly string[]): void {
    const ok = new Set(['action', 'actionid', ...allowed.map((a) => a.toLowerCase())]);
    for (const [key, values] of this.#values) {
      if (!ok.has(key)) throw new AmiPortForbiddenError(`header ${key} is not allowed in ${this.name}`, { header: key });
      if (values.length > 1) throw new AmiPortForbiddenError(`header ${key} is repeated`, { header: key });
    }
  }

  /** Headers for the audit log: secrets masked, long values cut (a refused action may carry 1 KiB lines). */
  toAuditArgs(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, values] of this.#values) {
      if (key === 'action') continue;
      const value = key === 'secret' || key === 'key' ? '***' : values.join(' | ');
      out[key] = value.length > AUDIT_VALUE_MAX ? `${value.slice(0, AUDIT_VALUE_MAX)}…` : value;
    }
    return out;
  }
}

const EXTEN_RE = /^[0-9*#+]{1,32}$/;
const DIGITS_RE = /^[0-9]{1,9}$/;
const BOOL_RE = /^(?:true|false|yes|no|on|off|1|0|y|n|t|f)$/i;
/** Printable text: no C0 controls or DEL. */
const TEXT_RE = /^[^\x00-\x1f\x7f]*$/;

export function checkExten(value: string, header = 'Exten'): string {
  if (!EXTEN_RE.test(value)) throw new AmiPortForbiddenError(`${header} must be 1-32 of 0-9 * # +`, { header });
  return value;
}

export function checkDigits(value: string, header: string): string {
  if (!DIGITS_RE.test(value)) throw new AmiPortForbiddenError(`${header} must be a number`, { header });
  return value;
}

export function checkBool(value: string, header: string): string {
  if (!BOOL_RE.test(value)) throw new AmiPortForbiddenError(`${header} must be true or false`, { header });
  return value;
}

export function checkText(value: string, header: string, maxLength = 80): string {
  if (value.length > maxLength || !TEXT_RE.test(value)) {
    throw new AmiPortForbiddenError(`${header} must be printable text of at most ${maxLength} characters`, { header });
  }
  return value;
}
