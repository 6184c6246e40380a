import { encodeMessage } from '@amiable/ami';

export type Pairs = Array<[string, string]>;

const UNSAFE = /[\r\n\0]/g;

/**
 * Wire bytes of a message written to a client. Values that came from Asterisk may hold a
 * stray line feed (`Message: No endpoints found\n`); it is turned into a space so that
 * no value can ever end a header or a message early.
 */
export function serialize(pairs: ReadonlyArray<readonly [string, string]>): Buffer {
  const clean: Array<readonly [string, string]> = pairs.map(([k, v]) => [k.replace(UNSAFE, ''), v.replace(UNSAFE, ' ')]);
  return Buffer.from(encodeMessage(clean), 'utf8');
}

/** `Response: <status>`, then `ActionID` when the client sent one, then the rest. */
export function response(status: string, actionId: string | undefined, rest: ReadonlyArray<readonly [string, string]> = []): Pairs {
  const out: Pairs = [['Response', status]];
  if (actionId !== undefined) out.push(['ActionID', actionId]);
  for (const [k, v] of rest) out.push([k, v]);
  return out;
}

export function errorResponse(actionId: string | undefined, message: string): Pairs {
  return response('Error', actionId, [['Message', message]]);
}

/** The same headers with every ActionID replaced by the client's own (or dropped if it sent none). */
export function withActionId(pairs: ReadonlyArray<readonly [string, string]>, actionId: string | undefined): Pairs {
  const out: Pairs = [];
  for (const [k, v] of pairs) {
    if (k.toLowerCase() === 'actionid') {
      if (actionId !== undefined) out.push([k, actionId]);
    } else {
      out.push([k, v]);
    }
  }
  return out;
}

/** `Timestamp:` as Asterisk writes it: epoch seconds with six decimals. */
export function amiTimestamp(nowMs: number): string {
  const sec = Math.floor(nowMs / 1000);
  const usec = Math.floor((nowMs - sec * 1000) * 1000);
  return `${sec}.${String(usec).padStart(6, '0')}`;
}
