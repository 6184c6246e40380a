import { AmiInvalidArgumentError } from '../errors.ts';
import type { AmiAction } from './action.ts';
import { bool, integer, interfaceName, label, queueName, stateInterface } from './validate.ts';

const MAX_PENALTY = 2_147_483_647;

export interface QueueAddParams {
  queue: string;
  /** The interface Asterisk dials, e.g. `PJSIP/1003`. */
  interface: string;
  penalty?: number;
  /** Add the member paused. */
  paused?: boolean;
  /** Pause reason, only with `paused: true`. */
  reason?: string;
  /** Display name, e.g. `Agent 1003`. */
  memberName?: string;
  /** The device whose state drives the member's status, e.g. `PJSIP/1003` or `Custom:agent1003`. */
  stateInterface?: string;
  /** Seconds of wrap-up after each call (accepted by app_queue, undocumented). */
  wrapupTime?: number;
}

/** QueueAdd: sign an interface into a queue. Produces QueueMemberAdded. */
export function queueAddAction(p: QueueAddParams): AmiAction {
  if (p.reason !== undefined && p.paused !== true) {
    throw new AmiInvalidArgumentError('Reason is only meaningful with paused: true', { field: 'Reason' });
  }
  return {
    Action: 'QueueAdd',
    Queue: queueName(p.queue),
    Interface: interfaceName(p.interface),
    Penalty: p.penalty === undefined ? undefined : integer(p.penalty, 'Penalty', 0, MAX_PENALTY),
    Paused: p.paused === undefined ? undefined : bool(p.paused, 'Paused'),
    Reason: p.reason === undefined ? undefined : label(p.reason, 'Reason'),
    MemberName: p.memberName === undefined ? undefined : label(p.memberName, 'MemberName', 80),
    StateInterface: p.stateInterface === undefined ? undefined : stateInterface(p.stateInterface),
    Wrapuptime: p.wrapupTime === undefined ? undefined : integer(p.wrapupTime, 'Wrapuptime', 0, 86_400),
  };
}

/** QueueRemove: sign a dynamic member out of a queue. Produces QueueMemberRemoved. */
export function queueRemoveAction(p: { queue: string; interface: string }): AmiAction {
  return { Action: 'QueueRemove', Queue: queueName(p.queue), Interface: interfaceName(p.interface) };
}

export interface QueuePauseParams {
  interface: string;
  paused: boolean;
  /** Without a queue, the interface is (un)paused in every queue it belongs to. */
  queue?: string;
  /** Becomes `PausedReason` on QueueMemberPause and goes to queue_log. */
  reason?: string;
}

/** QueuePause: pause or unpause a member, with an optional reason. Produces QueueMemberPause per queue. */
export function queuePauseAction(p: QueuePauseParams): AmiAction {
  return {
    Action: 'QueuePause',
    Interface: interfaceName(p.interface),
    Paused: bool(p.paused, 'Paused'),
    Queue: p.queue === undefined ? undefined : queueName(p.queue),
    Reason: p.reason === undefined ? undefined : label(p.reason, 'Reason'),
  };
}

/** QueuePenalty: change a member's penalty, in one queue or all. Produces QueueMemberPenalty. */
export function queuePenaltyAction(p: { interface: string; penalty: number; queue?: string }): AmiAction {
  return {
    Action: 'QueuePenalty',
    Interface: interfaceName(p.interface),
    Penalty: integer(p.penalty, 'Penalty', 0, MAX_PENALTY),
    Queue: p.queue === undefined ? undefined : queueName(p.queue),
  };
}

/**
 * QueueStatus (a list: QueueParams, QueueMember, QueueEntry, then
 * QueueStatusComplete). `member` matches an Interface or MemberName exactly.
 */
export function queueStatusAction(p: { queue?: string; member?: string } = {}): AmiAction {
  return {
    Action: 'QueueStatus',
    Queue: p.queue === undefined ? undefined : queueName(p.queue),
    Member: p.member === undefined ? undefined : label(p.member, 'Member', 256),
  };
}

/** QueueSummary (a list: QueueSummary items, then QueueSummaryComplete). */
export function queueSummaryAction(p: { queue?: string } = {}): AmiAction {
  return { Action: 'QueueSummary', Queue: p.queue === undefined ? undefined : queueName(p.queue) };
}
