import { type ActionHeaders, checkBool, checkDigits, checkText } from './action-headers.ts';
import { AmiPortForbiddenError } from './errors.ts';
import type { ForwardPlan, PolicyContext } from './policy-types.ts';
import { isOwnInterface } from './scope.ts';
import type { Pairs } from './wire.ts';

/**
 * QueueAdd, QueueRemove and QueuePause: only for the client's own interface
 * (`PJSIP/<one of its extensions>`) and only in its queues. Admins may name any
 * interface and queue.
 */

function checkInterface(h: ActionHeaders, ctx: PolicyContext, header = 'Interface'): string {
  const iface = h.require(header);
  if (!ctx.scope.all && !isOwnInterface(iface, ctx.scope)) {
    throw new AmiPortForbiddenError(`${header} ${iface} is not one of the client's extensions`, { header, value: iface });
  }
  return checkText(iface, header, 200);
}

function checkQueue(queue: string, ctx: PolicyContext): string {
  if (!ctx.scope.all && !ctx.scope.queues.has(queue)) {
    throw new AmiPortForbiddenError(`queue ${queue} is outside the client's scope`, { queue });
  }
  return checkText(queue, 'Queue', 128);
}

export function queueAddPolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Queue', 'Interface', 'Penalty', 'Paused', 'Reason', 'MemberName', 'StateInterface']);
  const queue = checkQueue(h.require('Queue'), ctx);
  const iface = checkInterface(h, ctx);
  const action: Pairs = [
    ['Action', 'QueueAdd'],
    ['Queue', queue],
    ['Interface', iface],
  ];
  const penalty = h.get('Penalty');
  if (penalty !== undefined) action.push(['Penalty', checkDigits(penalty, 'Penalty')]);
  const paused = h.get('Paused');
  if (paused !== undefined) action.push(['Paused', checkBool(paused, 'Paused')]);
  const reason = h.get('Reason');
  if (reason !== undefined) action.push(['Reason', checkText(reason, 'Reason')]);
  const memberName = h.get('MemberName');
  if (memberName !== undefined) action.push(['MemberName', checkText(memberName, 'MemberName')]);
  if (h.get('StateInterface') !== undefined) action.push(['StateInterface', checkInterface(h, ctx, 'StateInterface')]);
  return { pbxId: ctx.defaultPbxId, actions: [action] };
}

export function queueRemovePolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Queue', 'Interface']);
  const queue = checkQueue(h.require('Queue'), ctx);
  const iface = checkInterface(h, ctx);
  return {
    pbxId: ctx.defaultPbxId,
    actions: [
      [
        ['Action', 'QueueRemove'],
        ['Queue', queue],
        ['Interface', iface],
      ],
    ],
  };
}

/**
 * Without `Queue`, Asterisk pauses the interface in every queue it belongs to,
 * including queues outside the client's scope. For non-admins the pause is
 * therefore sent once per queue of the client's scope instead.
 */
export function queuePausePolicy(h: ActionHeaders, ctx: PolicyContext): ForwardPlan {
  h.allowOnly(['Queue', 'Interface', 'Paused', 'Reason']);
  const iface = checkInterface(h, ctx);
  const paused = checkBool(h.require('Paused'), 'Paused');
  const reason = h.get('Reason');
  if (reason !== undefined) checkText(reason, 'Reason');
  const given = h.get('Queue');
  let queues: Array<string | undefined>;
  if (given !== undefined) queues = [checkQueue(given, ctx)];
  else if (ctx.scope.all) queues = [undefined];
  else queues = [...ctx.scope.queues].sort();
  if (queues.length === 0) throw new AmiPortForbiddenError('the client has no queues to pause in');
  const actions = queues.map((queue) => {
    const action: Pairs = [['Action', 'QueuePause']];
    if (queue !== undefined) action.push(['Queue', queue]);
    action.push(['Interface', iface], ['Paused', paused]);
    if (reason !== undefined) action.push(['Reason', reason]);
    return action;
  });
  return { pbxId: ctx.defaultPbxId, actions };
}
