import { createHash } from 'node:crypto';
import type { AmiActionInput } from '../codec/encoder.ts';
import type { AmiMessage } from '../codec/message.ts';
import { AmiAuthError, AmiInvalidArgumentError, AmiProtocolError } from '../errors.ts';
import { equalsIgnoreCase } from './fields.ts';

export type AmiAuthMethod = 'plain' | 'md5';

/**
 * The `Events:` header of Login: `on` (every class the user may read), `off`
 * (none), or a class list such as `call,agent` (string or array).
 */
export type AmiEventMask = 'on' | 'off' | (string & {}) | readonly string[];

export interface AmiCredentials {
  username: string;
  secret: string;
  /** `plain` sends Secret; `md5` asks for a Challenge and sends Key = md5(challenge + secret). Default plain. */
  auth?: AmiAuthMethod;
  /** Default `on`. */
  events?: AmiEventMask;
}

type Send = (action: AmiActionInput) => Promise<AmiMessage>;

/** The value of the Events header, validated. */
export function eventMaskHeader(mask: AmiEventMask = 'on'): string {
  const value = typeof mask === 'string' ? mask.trim() : mask.map((c) => c.trim()).join(',');
  if (!/^(?:[A-Za-z]+(?:,[A-Za-z]+)*|\d+)$/.test(value)) {
    throw new AmiInvalidArgumentError(`Invalid event mask ${JSON.stringify(value)}`, { mask: value });
  }
  return value;
}

/** The MD5 login key: lowercase hex of md5(challenge + secret). */
export function md5Key(challenge: string, secret: string): string {
  return createHash('md5').update(challenge + secret, 'utf8').digest('hex');
}

/**
 * Log in. Resolves with the `Authentication accepted` reply; rejects with
 * AmiAuthError when Asterisk refuses (it then closes the socket).
 * Readiness is gated on this reply, never on FullyBooted, which a user
 * without the `system` read class never receives.
 */
export async function login(send: Send, credentials: AmiCredentials): Promise<AmiMessage> {
  const events = eventMaskHeader(credentials.events);
  const auth = credentials.auth ?? 'plain';
  let reply: AmiMessage;
  if (auth === 'md5') {
    const challengeReply = await send({ Action: 'Challenge', AuthType: 'MD5' });
    refuseOnError(challengeReply, credentials.username);
    const challenge = challengeReply.get('Challenge');
    if (challenge === undefined || challenge === '') {
      throw new AmiProtocolError('The Challenge reply carries no Challenge header', { reply: challengeReply.toObject() });
    }
    reply = await send({
      Action: 'Login',
      AuthType: 'MD5',
      Username: credentials.username,
      Key: md5Key(challenge, credentials.secret),
      Events: events,
    });
  } else {
    reply = await send({ Action: 'Login', Username: credentials.username, Secret: credentials.secret, Events: events });
  }
  refuseOnError(reply, credentials.username);
  return reply;
}

function refuseOnError(reply: AmiMessage, username: string): void {
  if (equalsIgnoreCase(reply.response, 'Success')) return;
  const message = reply.get('Message') ?? 'Authentication failed';
  throw new AmiAuthError(`AMI login refused for ${username}: ${message}`, { username, message });
}
