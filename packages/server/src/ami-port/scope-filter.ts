import type { CallTracker } from './call-tracker.ts';
import { deviceOfChannel } from './channel-name.ts';
import type { EventFacts } from './event-facts.ts';
import { type ClientScope, classifyDevice, type ExtensionResolver } from './scope.ts';

/** PBX-wide lifecycle events that any logged-in client may see. */
const PBX_WIDE = new Set(['FullyBooted', 'Shutdown']);

/** A queue's statistics: what a client that does not monitor its queues may see of them. */
const QUEUE_STATISTICS = new Set(['QueueParams', 'QueueSummary', 'QueueSummaryComplete']);

export interface ScopeView {
  tracker: CallTracker;
  resolver: ExtensionResolver;
}

/**
 * Whether one event may be delivered to a client. Default deny:
 *
 * 1. An event that answers somebody's action (it carries an ActionID: list items,
 *    OriginateResponse) is never broadcast; responses are routed to their requester.
 * 2. FullyBooted and Shutdown go to everyone; admins get every other event too.
 * 3. An event that mentions, anywhere, a channel of an extension outside the
 *    client's scope is withheld, even if it also concerns the client.
 * 4. Otherwise it is delivered when it names one of the client's phones (channel,
 *    device, queue interface, hint extension), one of its queues, or a channel,
 *    Uniqueid, Linkedid or bridge of a call that currently has one of the client's
 *    phones in it or that went through one of its queues. Queues count as the
 *    catalogue says: only with `queue.monitor`; without it (agents) a queue shows
 *    its statistics, never its callers, the calls offered to others or its members.
 * 5. Anything else is withheld.
 */
export function isEventVisible(facts: EventFacts, scope: ClientScope, view: ScopeView): boolean {
  if (facts.actionId !== undefined) return false;
  if (facts.event !== undefined && PBX_WIDE.has(facts.event)) return true;
  if (scope.all) return true;
  return isInScope(facts, scope, view);
}

/** Rules 3-5 without the ActionID and PBX-wide rules; used for list items answered from the model. */
export function isInScope(facts: EventFacts, scope: ClientScope, view: ScopeView): boolean {
  const { resolver, tracker } = view;
  for (const device of facts.mentioned) {
    if (classifyDevice(device, scope, resolver) === 'foreign') return false;
  }
  let own = false;
  for (const ref of facts.channels) {
    const cls = classifyDevice(deviceOfChannel(ref.name), scope, resolver);
    if (cls === 'foreign') return false;
    if (cls === 'own') own = true;
  }
  if (own) return true;
  for (const device of facts.devices) if (classifyDevice(device, scope, resolver) === 'own') return true;
  for (const exten of facts.extens) if (scope.extensions.has(exten)) return true;
  if (scope.monitorsQueues || isQueueStatistics(facts)) {
    for (const queue of facts.queues) if (scope.queues.has(queue)) return true;
  }

  for (const ref of facts.channels) {
    const linkedid = ref.linkedid ?? tracker.resolve(ref)?.linkedid;
    if (linkedid !== undefined && isCallHeld(linkedid, scope, view)) return true;
  }
  for (const uid of facts.uniqueids) {
    const ch = tracker.channel(uid);
    if (ch !== undefined && isCallHeld(ch.linkedid, scope, view)) return true;
  }
  for (const linkedid of facts.linkedids) if (isCallHeld(linkedid, scope, view)) return true;
  for (const bridge of facts.bridges) if (isBridgeHeld(bridge, scope, view)) return true;
  return false;
}

/** A queue's statistics: its parameters and summary, or the state of the queue's own pseudo-device (`Queue:<q>_avail`). */
function isQueueStatistics(facts: EventFacts): boolean {
  if (facts.event === undefined) return false;
  if (QUEUE_STATISTICS.has(facts.event)) return true;
  // `Queue:<q>_pause_<member>` names a member device too; the queue's own pseudo-devices do not.
  return facts.event === 'DeviceStateChange' && facts.devices.length === 0;
}

/** A call is the client's while one of its phones is a live leg, or if it came through one of its queues. */
export function isCallHeld(linkedid: string, scope: ClientScope, view: ScopeView): boolean {
  const call = view.tracker.call(linkedid);
  if (call === undefined) return false;
  if (scope.monitorsQueues) for (const queue of call.queues) if (scope.queues.has(queue)) return true;
  for (const uid of call.members) {
    const ch = view.tracker.channel(uid);
    if (ch !== undefined && classifyDevice(ch.device, scope, view.resolver) === 'own') return true;
  }
  return false;
}

function isBridgeHeld(bridgeId: string, scope: ClientScope, view: ScopeView): boolean {
  let held = false;
  for (const leg of view.tracker.bridgeLegs(bridgeId)) {
    const cls = classifyDevice(leg.device, scope, view.resolver);
    if (cls === 'foreign') return false;
    if (cls === 'own') held = true;
    else if (!held) {
      const linkedid = view.tracker.channel(leg.uniqueid)?.linkedid ?? leg.linkedid;
      held = isCallHeld(linkedid, scope, view);
    }
  }
  return held;
}
