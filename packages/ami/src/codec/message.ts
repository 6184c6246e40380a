/**
 * One decoded AMI message. Headers are kept as ordered pairs, exactly as
 * received, so repeated keys (Variable, ChanVariable, Output) survive.
 * Lookups ignore key case; for single-valued lookups the first value wins,
 * as in Asterisk's own parser.
 */
import type { AmiEventName, AmiTypedEvent } from '../events/typed-event.ts';

export type AmiMessageKind = 'event' | 'response';

export class AmiMessage {
  /** Flat ordered list: [key0, value0, key1, value1, ...]. */
  readonly fields: string[];
  readonly kind: AmiMessageKind;
  /** Value of the first `Event` header, when kind is 'event'. */
  readonly event: string | undefined;
  /** Our own receive time in epoch milliseconds (AMI timestamps are optional). */
  readonly receivedAt: number;
  #index: Map<string, number> | undefined;

  constructor(fields: string[], receivedAt = Date.now()) {
    this.fields = fields;
    this.receivedAt = receivedAt;
    let event: string | undefined;
    for (let i = 0; i < fields.length; i += 2) {
      const k = fields[i]!;
      if (k.length === 5 && k.toLowerCase() === 'event') {
        event = fields[i + 1];
        break;
      }
    }
    this.event = event;
    this.kind = event === undefined ? 'response' : 'event';
  }

  /**
   * True when this is event `name` (exact spelling, as Asterisk sends it). Narrows the type, so
   * that `get()` knows the event's recorded headers:
   * `if (m.is('QueueMemberPause')) m.get('Interface')` is a `string`.
   */
  is<N extends AmiEventName>(name: N): this is AmiTypedEvent<N> {
    return this.event === name;
  }

  /** Number of header lines. */
  get size(): number {
    return this.fields.length >> 1;
  }

  /** First value of `key`, case-insensitive. */
  get(key: string): string | undefined {
    const fields = this.fields;
    if (fields.length <= 16) {
      const lower = key.toLowerCase();
      for (let i = 0; i < fields.length; i += 2) {
        const k = fields[i]!;
        if (k.length === lower.length && (k === key || k.toLowerCase() === lower)) return fields[i + 1];
      }
      return undefined;
    }
    let index = this.#index;
    if (index === undefined) {
      index = new Map();
      for (let i = fields.length - 2; i >= 0; i -= 2) index.set(fields[i]!.toLowerCase(), i + 1);
      this.#index = index;
    }
    const at = index.get(key.toLowerCase());
    return at === undefined ? undefined : fields[at];
  }

  /** Every value of `key` in order, case-insensitive. */
  getAll(key: string): string[] {
    const lower = key.toLowerCase();
    const out: string[] = [];
    for (let i = 0; i < this.fields.length; i += 2) {
      if (this.fields[i]!.toLowerCase() === lower) out.push(this.fields[i + 1]!);
    }
    return out;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** `Response:` value (Success, Error, Goodbye, Follows), also present on OriginateResponse events. */
  get response(): string | undefined {
    return this.get('Response');
  }

  get actionId(): string | undefined {
    return this.get('ActionID');
  }

  /** Ordered [key, value] pairs. */
  pairs(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (let i = 0; i < this.fields.length; i += 2) out.push([this.fields[i]!, this.fields[i + 1]!]);
    return out;
  }

  /**
   * A plain object view: the first value of each key wins, key spelling as on the wire.
   * Convenient for logging and tests; use get()/getAll() in code.
   */
  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.fields.length; i += 2) {
      const k = this.fields[i]!;
      if (!(k in out)) out[k] = this.fields[i + 1]!;
    }
    return out;
  }
}
