import { type ActionHeaders, checkDigits, checkExten, checkText } from './action-headers.ts';
import { AmiPortForbiddenError } from './errors.ts';
import type { ForwardPlan, PolicyContext } from './policy-types.ts';
import { isOwnInterface } from './scope.ts';
import type { Pairs } from './wire.ts';

/**
 * Call control. The target context is always the configured `allowedContext`;
 * Application, Data, Variable and every other header are refused, so a client
 * can neither run a dialplan application nor set channel variables.
 */

function targetContext(h: ActionHeaders, ctx: PolicyContext): string {
  const allowed = ctx.allowedContext;
  if (allowed === undefined) throw new AmiPortForbiddenError(`${h.name} is disabled: no allowed context is configured`);
  const given = h.get('Context');
  if (given !== undefined && given !== allowed) {
    throw new AmiPortForbiddenError(`context ${given} is not allowed`, { context: given });
  }
  return allowed;
}

function checkPriority(h: ActionHeaders): string {
  const priority = h.get('Priority') ?? '1';
  if (priority !== '1') throw new AmiPortForbiddenError('Priority must be 1', { priority });
  return priority;
}

/**
 * The channel must be live and belong to one of the client's extensions (per the
 * tracked state). `/regex/` channels are refused: Hangup would treat them as a mass hangup.
 */
function ownChannel(h: ActionHeaders, ctx: PolicyContext): { pbxId: string; name: string } {
  const given = h.require('Channel');
  if (given.trimStart().startsWith('/')) throw new AmiPortForbiddenError('regular-expression channels are refused');
  const found = ctx.findChannel(given);
  if (found === undefined) throw new AmiPortForbiddenError(`channel ${given} is not a live channel`, { channel: given });
  const scope = ctx.actOn?.(found.pbxId) ?? ctx.scope;
  if (!scope.all && !isOwnInterface(found.channel.device, scope)) {
    throw new AmiPortForbiddenError(`channel ${given} does not belong to the client`, { channel: given });
  }
  return { pbxId: found.pbxId, name: found.channel.name };
}

export function originatePolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Channel', 'Exten', 'Context', 'Priority', 'Timeout', 'CallerID', 'Async']);
  const channel = h.require('Channel');
  if (!isOwnInterface(channel, ctx.scope)) {
    throw new AmiPortForbiddenError(`Originate must start from the client's own PJSIP/<extension>`, { channel });
  }
  const context = targetContext(h, ctx);
  const action: Pairs = [
    ['Action', 'Originate'],
    ['Channel', channel],
    ['Context', context],
    ['Exten', checkExten(h.require('Exten'))],
    ['Priority', checkPriority(h)],
    // A synchronous Originate would hold up the server's shared AMI session until answer.
    ['Async', 'true'],
  ];
  const timeout = h.get('Timeout');
  if (timeout !== undefined) action.push(['Timeout', checkDigits(timeout, 'Timeout')]);
  const callerId = h.get('CallerID');
  if (callerId !== undefined) action.push(['CallerID', checkText(callerId, 'CallerID')]);
  return { pbxId: ctx.defaultPbxId, actions: [action] };
}

export function redirectPolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Channel', 'Exten', 'Context', 'Priority']);
  const { pbxId, name } = ownChannel(h, ctx);
  const action: Pairs = [
    ['Action', 'Redirect'],
    ['Channel', name],
    ['Exten', checkExten(h.require('Exten'))],
    ['Context', targetContext(h, ctx)],
    ['Priority', checkPriority(h)],
  ];
  return { pbxId, actions: [action] };
}

/** BlindTransfer and Atxfer share their shape: Channel, Exten, optional Context. */
export function transferPolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Channel', 'Exten', 'Context']);
  const { pbxId, name } = ownChannel(h, ctx);
  const action: Pairs = [
    ['Action', h.name.toLowerCase() === 'atxfer' ? 'Atxfer' : 'BlindTransfer'],
    ['Channel', name],
    ['Exten', checkExten(h.require('Exten'))],
    ['Context', targetContext(h, ctx)],
  ];
  return { pbxId, actions: [action] };
}

export function hangupPolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Channel', 'Cause']);
  const { pbxId, name } = ownChannel(h, ctx);
  const action: Pairs = [
    ['Action', 'Hangup'],
    ['Channel', name],
  ];
  const cause = h.get('Cause');
  if (cause !== undefined) {
    if (!/^[0-9]{1,3}$/.test(cause) || Number(cause) > 127) throw new AmiPortForbiddenError('Cause must be 0-127');
    action.push(['Cause', cause]);
  }
  return { pbxId, actions: [action] };
}
