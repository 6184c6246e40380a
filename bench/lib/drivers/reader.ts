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
  return { events: 0, nameChars: 0, notifyAt };
}

/** Record one delivered event. */
export function countEvent(tally: LiveTally, name: string): void {
  tally.events++;
  tally.nameChars += name.length;
  if (tally.events === tally.notifyAt) tally.onReached?.();
}
