import { AmiInvalidHeaderError, AmiLimitError } from '../errors.ts';

/** A header value; numbers and booleans are stringified, undefined/null headers are skipped. */
export type AmiValue = string | number | boolean | null | undefined;
/** An action to send: either an object (one header per key, arrays repeat the key) or ordered pairs. */
export type AmiActionInput =
  | ({ Action: string } & Record<string, AmiValue | readonly AmiValue[]>)
  | ReadonlyArray<readonly [string, AmiValue]>;

/** Asterisk's input limits (main/manager.c): inbuf[1025] per line, AST_MAX_MANHEADERS = 128. */
export const AMI_MAX_LINE_BYTES = 1024;
export const AMI_MAX_HEADERS = 128;

const KEY_RE = /^[A-Za-z0-9_\-()/.]+$/;
const FORBIDDEN_RE = /[\r\n\0]/;

/** Ordered header pairs of an action input, with values stringified. */
export function actionPairs(action: AmiActionInput): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (k: string, v: AmiValue) => {
    if (v === undefined || v === null) return;
    out.push([k, typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v)]);
  };
  if (Array.isArray(action)) {
    for (const [k, v] of action as ReadonlyArray<readonly [string, AmiValue]>) add(k, v);
  } else {
    for (const [k, v] of Object.entries(action)) {
      if (Array.isArray(v)) for (const item of v) add(k, item as AmiValue);
      else add(k, v as AmiValue);
    }
  }
  return out;
}

/** Throws AmiInvalidHeaderError / AmiLimitError unless every pair is safe to put on the wire. */
export function validatePairs(pairs: ReadonlyArray<readonly [string, string]>): void {
  if (pairs.length === 0 || pairs[0]![0].toLowerCase() !== 'action') {
    throw new AmiInvalidHeaderError('The first header of an action must be Action');
  }
  if (pairs.length > AMI_MAX_HEADERS) {
    throw new AmiLimitError(`An action may carry at most ${AMI_MAX_HEADERS} headers`, { headers: pairs.length });
  }
  for (const [k, v] of pairs) {
    if (!KEY_RE.test(k)) throw new AmiInvalidHeaderError(`Invalid header name ${JSON.stringify(k)}`, { key: k });
    if (FORBIDDEN_RE.test(v)) {
      throw new AmiInvalidHeaderError(`Header ${k} contains CR, LF or NUL`, { key: k });
    }
    const lineBytes = Buffer.byteLength(k) + 2 + Buffer.byteLength(v) + 2;
    if (lineBytes > AMI_MAX_LINE_BYTES) {
      throw new AmiLimitError(`Header ${k} is ${lineBytes} bytes; Asterisk accepts at most ${AMI_MAX_LINE_BYTES}`, {
        key: k,
        bytes: lineBytes,
      });
    }
  }
}

/**
 * Encode an action to wire bytes after validating every key and value.
 * Nothing is returned (so nothing can be written) unless the whole action is valid.
 */
export function encodeAction(action: AmiActionInput): Buffer {
  const pairs = actionPairs(action);
  validatePairs(pairs);
  let text = '';
  for (const [k, v] of pairs) text += `${k}: ${v}\r\n`;
  return Buffer.from(`${text}\r\n`, 'utf8');
}

/**
 * Encode a message as Asterisk writes it (used by servers such as the simulated PBX).
 * Values must not contain CR/LF; a value that does is refused.
 */
export function encodeMessage(pairs: ReadonlyArray<readonly [string, string]>): string {
  let text = '';
  for (const [k, v] of pairs) {
    if (FORBIDDEN_RE.test(k) || FORBIDDEN_RE.test(v)) {
      throw new AmiInvalidHeaderError(`Header ${k} contains CR, LF or NUL`, { key: k });
    }
    text += `${k}: ${v}\r\n`;
  }
  return `${text}\r\n`;
}
