/**
 * The per-session event mask, as Asterisk's `Events` action and Login `Events:`
 * header set it (`action_events()`, `strings_to_mask()` in main/manager.c).
 * An event is delivered only if every class in its `Privilege:` header is in the mask.
 */

/** Asterisk's EVENT_FLAG_* bits, for masks given as a number. */
const CLASS_BITS: ReadonlyArray<readonly [string, number]> = [
  ['system', 1 << 0],
  ['call', 1 << 1],
  ['log', 1 << 2],
  ['verbose', 1 << 3],
  ['command', 1 << 4],
  ['agent', 1 << 5],
  ['user', 1 << 6],
  ['config', 1 << 7],
  ['dtmf', 1 << 8],
  ['reporting', 1 << 9],
  ['cdr', 1 << 10],
  ['dialplan', 1 << 11],
  ['originate', 1 << 12],
  ['agi', 1 << 13],
  ['hookresponse', 1 << 14],
  ['cc', 1 << 15],
  ['aoc', 1 << 16],
  ['test', 1 << 17],
  ['security', 1 << 18],
  ['message', 1 << 19],
];
const KNOWN = new Set(CLASS_BITS.map(([name]) => name));
const TRUE_WORDS = new Set(['yes', 'true', 'y', 't', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'false', 'n', 'f', '0', 'off']);

/** `'all'`, `'none'`, or the set of classes let through. */
export type EventMask = 'all' | 'none' | ReadonlySet<string>;

/** Parses an `EventMask:` / Login `Events:` value. Unknown class names are ignored, as Asterisk does. */
export function parseEventMask(value: string): EventMask {
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return 'all';
  if (FALSE_WORDS.has(v) || v === '') return 'none';
  if (/^[0-9]+$/.test(v)) {
    const bits = Number(v);
    const set = new Set(CLASS_BITS.filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name));
    return set.size === 0 ? 'none' : set;
  }
  const parts = v.split(',').map((p) => p.trim());
  if (parts.includes('all')) return 'all';
  const set = new Set(parts.filter((p) => KNOWN.has(p)));
  return set.size === 0 ? 'none' : set;
}

/** The `Events:` word of the reply: `On` unless the mask lets nothing through. */
export function maskReply(mask: EventMask): 'On' | 'Off' {
  return mask === 'none' ? 'Off' : 'On';
}

/** Whether an event with this `Privilege:` value passes the mask. Events without Privilege pass any mask but `none`. */
export function maskAllows(mask: EventMask, privilege: string | undefined): boolean {
  if (mask === 'all') return true;
  if (mask === 'none') return false;
  if (privilege === undefined) return true;
  for (const raw of privilege.split(',')) {
    const cls = raw.trim().toLowerCase();
    if (cls === '' || cls === 'all') continue;
    if (!mask.has(cls)) return false;
  }
  return true;
}
