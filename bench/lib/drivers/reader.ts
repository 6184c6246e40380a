/**
 * What every AMI reader under test exposes to the benchmarks: how many events
 * it has handed to its user so far, and a checksum proving it decoded them.
 * Each driver wires one library exactly as an application would, counting in
 * the library's own "event" callback and reading the event name there.
 */
export interface EventTally {
  /** Events delivered to the application. */
  events: number;
  /** Sum of the lengths of the delivered event names (a cheap decode check). */
  nameChars: number;
  /**
   * Headers of the delivered events that the application read through the library's public
   * API, and the sum of their key and value lengths (ami.decode reads every header).
   */
  headers?: number;
  headerChars?: number;
}

/** A tally that can announce when it reaches a given count. */
export interface LiveTally extends EventTally {
  /** Called once, when `events` reaches `notifyAt`. */
  onReached?: () => void;
  notifyAt: number;
}

export interface AmiReader {
  /** Library name as used in results, e.g. `asterisk-manager`. */
  readonly label: string;
  readonly tally: LiveTally;
  close(): void | Promise<void>;
}

export function newTally(notifyAt = Number.POSITIVE_INFINITY): LiveTally {
  return { events: 0, nameChars: 0, headers: 0, headerChars: 0, notifyAt };
}

/**
 * Read every header of an event delivered as a plain object (asterisk-manager,
 * asterisk-ami-client, yana): each property, each element of a repeated header's array, and
 * each entry of asterisk-manager's `variable`/`chanvariable` sub-objects (`name=value` on the
 * wire).
 */
export function readObjectHeaders(tally: LiveTally, event: Record<string, unknown>): void {
  let headers = 0;
  let chars = 0;
  for (const key in event) {
    const value = event[key];
    if (typeof value === 'string') {
      headers++;
      chars += key.length + value.length;
    } else if (Array.isArray(value)) {
      for (const v of value as string[]) {
        headers++;
        chars += key.length + v.length;
      }
    } else if (value !== null && typeof value === 'object') {
      for (const sub in value) {
        headers++;
        // `Variable: name=value`, or `Variable: name` (VarSet), which it stores as { name: '' }.
        const v = (value as Record<string, string>)[sub]!;
        chars += key.length + sub.length + (v === '' ? 0 : 1 + v.length);
      }
    }
  }
  tally.headers! += headers;
  tally.headerChars! += chars;
}

/** Record one delivered event. */
export function countEvent(tally: LiveTally, name: string): void {
  tally.events++;
  tally.nameChars += name.length;
  if (tally.events === tally.notifyAt) tally.onReached?.();
}
