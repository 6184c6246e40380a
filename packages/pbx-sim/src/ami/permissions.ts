/**
 * AMI class permissions, modelled on manager.c's perms[] table: the bit order
 * is Asterisk's EVENT_FLAG_* order. A user has read (event) and write (action)
 * classes; a session also has an event mask set by Login's `Events:` header or
 * the Events action.
 */
export const PERM = {
  system: 1 << 0,
  call: 1 << 1,
  log: 1 << 2,
  verbose: 1 << 3,
  command: 1 << 4,
  agent: 1 << 5,
  user: 1 << 6,
  config: 1 << 7,
  dtmf: 1 << 8,
  reporting: 1 << 9,
  cdr: 1 << 10,
  dialplan: 1 << 11,
  originate: 1 << 12,
  agi: 1 << 13,
  cc: 1 << 14,
  aoc: 1 << 15,
  test: 1 << 16,
  security: 1 << 17,
  message: 1 << 18,
} as const;

export type PermClass = keyof typeof PERM;
export const ALL_PERMS = Object.values(PERM).reduce((a, b) => a | b, 0);

const TRUE_WORDS = new Set(['on', 'yes', 'true', 'y', 't', '1']);
const FALSE_WORDS = new Set(['off', 'no', 'false', 'n', 'f', '0']);

/** Parse a manager.conf style class list: `all`, `none`, `call,agent`, or a number. */
export function parseClasses(value: string | number | undefined, fallback = ALL_PERMS): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value & ALL_PERMS;
  const text = value.trim().toLowerCase();
  if (text === '') return fallback;
  if (/^\d+$/.test(text)) return Number(text) & ALL_PERMS;
  let bits = 0;
  for (const word of text.split(',')) {
    const w = word.trim();
    if (w === 'all') bits |= ALL_PERMS;
    else if (w === 'none') continue;
    else if (w in PERM) bits |= PERM[w as PermClass];
  }
  return bits;
}

/**
 * Parse an `Events:` / `EventMask:` value: a true word means all classes, a
 * false word none, otherwise a class list or a bitmask.
 */
export function parseEventMask(value: string): number {
  const text = value.trim().toLowerCase();
  if (TRUE_WORDS.has(text) && text !== '1') return ALL_PERMS;
  if (FALSE_WORDS.has(text) && text !== '0') return 0;
  return parseClasses(text, 0);
}

/** The text after `Privilege: ` for an event of one class. */
export function privilegeOf(bit: number): string {
  for (const [name, b] of Object.entries(PERM)) if (b === bit) return `${name},all`;
  return 'all';
}

/**
 * Write classes each action needs (0: any logged-in user). An action is
 * allowed when the user's write bits overlap these bits, as process_message() checks.
 */
export const ACTION_PERMS: Readonly<Record<string, number>> = {
  login: 0,
  challenge: 0,
  logoff: 0,
  ping: 0,
  events: 0,
  listcommands: 0,
  queuestatus: 0,
  queuesummary: 0,
  bridgelist: 0,
  bridgeinfo: 0,
  coresettings: PERM.system | PERM.reporting,
  corestatus: PERM.system | PERM.reporting,
  coreshowchannels: PERM.system | PERM.reporting,
  status: PERM.system | PERM.call | PERM.reporting,
  devicestatelist: PERM.call | PERM.reporting,
  extensionstatelist: PERM.call | PERM.reporting,
  queueadd: PERM.agent,
  queueremove: PERM.agent,
  queuepause: PERM.agent,
  queuepenalty: PERM.agent,
  originate: PERM.originate,
  redirect: PERM.call,
  blindtransfer: PERM.call,
  atxfer: PERM.call,
  hangup: PERM.system | PERM.call,
  mixmonitor: PERM.system,
  stopmixmonitor: PERM.system | PERM.call,
  mixmonitormute: PERM.system | PERM.call,
  command: PERM.command,
};
