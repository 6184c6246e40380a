import { AmiInvalidArgumentError } from '../errors.ts';

/**
 * Validators for action arguments. Each returns the value to put on the wire
 * or throws AmiInvalidArgumentError naming the field. They are deliberately
 * strict: values usually come from users of the CTI server, and Asterisk
 * gives several characters a meaning (`,` splits application arguments, `|`
 * splits queue_log fields, `/` at the start of a Hangup channel is a regex).
 */

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

function fail(field: string, value: unknown, why: string): never {
  throw new AmiInvalidArgumentError(`${field} ${why}`, { field, value: typeof value === 'string' ? value : String(value) });
}

function str(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0) fail(field, value, 'must be a non-empty string');
  if (value.length > max) fail(field, value, `must be at most ${max} characters`);
  if (CONTROL.test(value)) fail(field, value, 'must not contain control characters');
  return value;
}

function matching(field: string, value: unknown, re: RegExp, max: number, what: string): string {
  const s = str(field, value, max);
  if (!re.test(s)) fail(field, s, `must be ${what}`);
  return s;
}

/** A queue name, e.g. `lang-en`. */
export const queueName = (value: unknown, field = 'Queue') =>
  matching(field, value, /^[A-Za-z0-9_.+-]+$/, 128, 'letters, digits and _ . + -');

/** A dialable interface (`PJSIP/1003`, `Local/1001@agents/n`), as QueueAdd/QueuePause/Originate take it. */
export const interfaceName = (value: unknown, field = 'Interface') =>
  matching(field, value, /^[A-Za-z][A-Za-z0-9_]*\/[A-Za-z0-9_.+@\-/#*:]+$/, 256, 'a Tech/resource interface');

/** A state interface: a device (`PJSIP/1003`) or a custom device state (`Custom:agent1003`). */
export const stateInterface = (value: unknown, field = 'StateInterface') =>
  matching(
    field,
    value,
    /^(?:[A-Za-z][A-Za-z0-9_]*\/[A-Za-z0-9_.+@\-/#*:]+|Custom:[A-Za-z0-9_.+@\-#*]+)$/,
    256,
    'a Tech/resource device or Custom:name',
  );

/**
 * A concrete, existing channel: its full name (`PJSIP/1001-0000002a`,
 * `Local/200@ctx-0000001f;2`) or its Uniqueid (`1795671580.0`, or a ChannelId
 * we assigned). Never a prefix and never a `/regex/`.
 */
export function concreteChannel(value: unknown, field = 'Channel'): string {
  const s = str(field, value, 256);
  if (s.startsWith('/')) fail(field, s, 'must be a channel name or Uniqueid, not a /regex/');
  const named = /^[A-Za-z][A-Za-z0-9_]*\/[A-Za-z0-9_.+@\-/#*:]+-[0-9a-fA-F]+(?:;[12])?$/;
  const uniqueid = /^(?:[A-Za-z0-9_.-]+-)?\d+\.\d+$/;
  const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  if (!named.test(s) && !uniqueid.test(s) && !uuid.test(s)) {
    fail(field, s, 'must be a full channel name (Tech/resource-suffix) or a Uniqueid');
  }
  return s;
}

/** An extension: letters, digits and `+ * # _ . -` (e.g. `1002`, `+15551234567`, `en`, `s`). */
export const exten = (value: unknown, field = 'Exten') =>
  matching(field, value, /^[A-Za-z0-9+*#_.-]+$/, 80, 'letters, digits and + * # _ . -');

/** A dialplan context, e.g. `internal`. */
export const context = (value: unknown, field = 'Context') =>
  matching(field, value, /^[A-Za-z0-9_.-]+$/, 80, 'letters, digits and _ . -');

/** A dialplan priority: a positive number or a label. */
export function priority(value: unknown, field = 'Priority'): string {
  if (typeof value === 'number') return String(integer(value, field, 1, 1_000_000));
  return matching(field, value, /^(?:[1-9][0-9]*|[A-Za-z][A-Za-z0-9_-]*)$/, 80, 'a positive number or a label');
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, value, 'must be true or false');
  return value;
}

/** Free text (a pause reason, a member name): printable, no `|` (it splits queue_log lines). */
export const label = (value: unknown, field: string, max = 128) =>
  matching(field, value, /^[^|]+$/, max, 'text without |');

/** Build `"Name" <number>`. The name may not hold `"`, `<`, `>` or `\`; the number is dialable characters. */
export function callerId(value: { name?: string; number: string } | string, field = 'CallerID'): string {
  if (typeof value === 'string') return matching(field, value, /^[^<>]*(?:<[A-Za-z0-9+*#_.-]*>)?$/, 128, 'a caller ID');
  const number = matching(`${field}.number`, value.number, /^[A-Za-z0-9+*#_.-]+$/, 40, 'dialable characters');
  if (value.name === undefined || value.name === '') return `<${number}>`;
  const name = matching(`${field}.name`, value.name, /^[^"<>\\]+$/, 80, 'text without " < > \\');
  return `"${name}" <${number}>`;
}

/** A channel variable name for Originate: `NAME`, `_NAME` or `__NAME` (inherited). No functions. */
export const variableName = (value: unknown, field = 'Variable') =>
  matching(field, value, /^_{0,2}[A-Za-z][A-Za-z0-9_]*$/, 64, 'a plain variable name (no functions)');

/** A variable value: no `,` (Asterisk would start a new pair) and no `${` or `$[` expansions. */
export function variableValue(value: unknown, field: string): string {
  if (value === '') return '';
  const s = str(field, value, 512);
  if (s.includes(',')) fail(field, s, 'must not contain a comma');
  if (/\$[{[]/.test(s)) fail(field, s, 'must not contain ${ or $[');
  return s;
}

/** A ChannelId / OtherChannelId for Originate (Asterisk allows 149 characters). */
export const channelId = (value: unknown, field = 'ChannelId') =>
  matching(field, value, /^[A-Za-z0-9_.-]+$/, 149, 'letters, digits and _ . -');

/** An identifier such as a bridge Uniqueid or a bridge type. */
export const token = (value: unknown, field: string) =>
  matching(field, value, /^[A-Za-z0-9_.-]+$/, 128, 'letters, digits and _ . -');
