import { eventMaskHeader, type AmiEventMask } from '../client/login.ts';
import type { AmiAction } from './action.ts';

/** Ping: answered with `Ping: Pong` and a Timestamp. Needs no permission. */
export function pingAction(): AmiAction {
  return { Action: 'Ping' };
}

/** Logoff: answered with `Response: Goodbye`, then Asterisk closes the socket. Prefer client.close(). */
export function logoffAction(): AmiAction {
  return { Action: 'Logoff' };
}

/** Events: change the session's event mask (`on`, `off` or a class list such as `call,agent`). */
export function eventsAction(mask: AmiEventMask): AmiAction {
  return { Action: 'Events', EventMask: eventMaskHeader(mask) };
}
