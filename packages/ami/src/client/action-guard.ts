import { type AmiActionInput, actionPairs, validatePairs } from '../codec/encoder.ts';
import { AmiForbiddenError, AmiInvalidHeaderError } from '../errors.ts';

export interface PreparedAction {
  /** The Action header's value, e.g. `QueueAdd`. */
  name: string;
  /** Validated headers, Action first, without ActionID. */
  pairs: Array<[string, string]>;
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on', 'y', 't']);

/**
 * Validate an action before anything is written: header syntax and limits,
 * no caller-chosen ActionID (the client owns it), one Action header, and the
 * two rules no caller may bypass: Originate is always `Async: true` (a
 * synchronous Originate freezes the whole session), and Hangup never takes a
 * `/regex/` channel (a mass hangup).
 */
export function prepareAction(action: AmiActionInput): PreparedAction {
  const pairs = actionPairs(action);
  validatePairs(pairs);
  const name = pairs[0]![1];
  let async: string | undefined;
  let channel: string | undefined;
  for (let i = 1; i < pairs.length; i++) {
    const key = pairs[i]![0].toLowerCase();
    if (key === 'actionid') throw new AmiInvalidHeaderError('ActionID is assigned by the client; do not set it', { key });
    if (key === 'action') throw new AmiInvalidHeaderError('An action may have only one Action header', { key });
    if (key === 'async' && async === undefined) async = pairs[i]![1];
    if (key === 'channel' && channel === undefined) channel = pairs[i]![1];
  }
  const lower = name.toLowerCase();
  if (lower === 'originate' && !TRUE_WORDS.has((async ?? '').trim().toLowerCase())) {
    throw new AmiForbiddenError('Originate must be sent with Async: true', { action: name });
  }
  if (lower === 'hangup' && channel !== undefined && channel.trimStart().startsWith('/')) {
    throw new AmiForbiddenError('Hangup with a /regex/ channel is refused', { action: name, channel });
  }
  return { name, pairs };
}
