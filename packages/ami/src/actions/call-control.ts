import { AmiInvalidArgumentError } from '../errors.ts';
import type { AmiAction } from './action.ts';
import { concreteChannel, context, exten, integer, priority } from './validate.ts';

export interface RedirectParams {
  /** The channel to move: full name or Uniqueid. */
  channel: string;
  exten: string;
  context: string;
  priority?: number | string;
  /** A second channel to move at the same time. It needs its own full target. */
  extraChannel?: string;
  extraExten?: string;
  extraContext?: string;
  extraPriority?: number | string;
}

/**
 * Redirect one channel (or two) to a dialplan location. With an extra channel
 * the extra target is required: Asterisk would otherwise send both legs to
 * the first target and ignore ExtraExten.
 */
export function redirectAction(p: RedirectParams): AmiAction {
  const action: AmiAction = {
    Action: 'Redirect',
    Channel: concreteChannel(p.channel),
    Context: context(p.context),
    Exten: exten(p.exten),
    Priority: priority(p.priority ?? 1),
  };
  if (p.extraChannel === undefined) {
    if (p.extraExten !== undefined || p.extraContext !== undefined || p.extraPriority !== undefined) {
      throw new AmiInvalidArgumentError('Extra target given without extraChannel', { field: 'ExtraChannel' });
    }
    return action;
  }
  if (p.extraExten === undefined || p.extraContext === undefined) {
    throw new AmiInvalidArgumentError('extraChannel needs extraExten and extraContext', { field: 'ExtraContext' });
  }
  return {
    ...action,
    ExtraChannel: concreteChannel(p.extraChannel, 'ExtraChannel'),
    ExtraContext: context(p.extraContext, 'ExtraContext'),
    ExtraExten: exten(p.extraExten, 'ExtraExten'),
    ExtraPriority: priority(p.extraPriority ?? 1, 'ExtraPriority'),
  };
}

/** BlindTransfer: send the party bridged with `channel` to exten@context. Produces BlindTransfer. */
export function blindTransferAction(p: { channel: string; exten: string; context?: string }): AmiAction {
  return {
    Action: 'BlindTransfer',
    Channel: concreteChannel(p.channel),
    Exten: exten(p.exten),
    Context: p.context === undefined ? undefined : context(p.context),
  };
}

/**
 * Atxfer: start an attended transfer from `channel` to exten. Works by queueing
 * the atxfer feature code, so the channel's bridge must allow transfers (Dial
 * or Queue option `t`/`T`); the reply only says the digits were queued.
 */
export function atxferAction(p: { channel: string; exten: string; context?: string }): AmiAction {
  return {
    Action: 'Atxfer',
    Channel: concreteChannel(p.channel),
    Exten: exten(p.exten),
    Context: p.context === undefined ? undefined : context(p.context),
  };
}

/** Hangup of one concrete channel (name or Uniqueid; never a /regex/). `cause` is a Q.850 code. */
export function hangupAction(p: { channel: string; cause?: number }): AmiAction {
  return {
    Action: 'Hangup',
    Channel: concreteChannel(p.channel),
    Cause: p.cause === undefined ? undefined : integer(p.cause, 'Cause', 0, 127),
  };
}
