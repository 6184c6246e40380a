import type { Static } from '@sinclair/typebox';
import type { EventScope } from '../scope.ts';
import { agentErrorEvent, agentSessionEvent, agentStateEvent } from './agent-events.ts';
import {
  callAnsweredEvent,
  callConsultEvent,
  callDismissedEvent,
  callEndedEvent,
  callHeldEvent,
  callRecordingEvent,
  callRingingEvent,
  callTransferredEvent,
  callUnheldEvent,
} from './call-events.ts';
import type { EventDefinition } from './define.ts';
import { queueMemberEvent, queueStatsEvent } from './queue-events.ts';
import { pbxConnectionEvent, resyncEvent } from './system-events.ts';
import { callSupervisionEvent } from './supervision-events.ts';

/**
 * The event catalogue: every CTI event type the server can deliver. The router delivers nothing
 * whose type is missing here (default deny).
 */
export const EVENT_CATALOGUE = {
  'agent.state': agentStateEvent,
  'agent.session': agentSessionEvent,
  'agent.error': agentErrorEvent,
  'call.ringing': callRingingEvent,
  'call.answered': callAnsweredEvent,
  'call.held': callHeldEvent,
  'call.unheld': callUnheldEvent,
  'call.transferred': callTransferredEvent,
  'call.consult': callConsultEvent,
  'call.ended': callEndedEvent,
  'call.dismissed': callDismissedEvent,
  'call.recording': callRecordingEvent,
  'call.supervision': callSupervisionEvent,
  'queue.stats': queueStatsEvent,
  'queue.member': queueMemberEvent,
  'pbx.connection': pbxConnectionEvent,
  resync: resyncEvent,
} as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** The payload type of each event type. */
export type EventPayloads = { [K in EventType]: Static<(typeof EVENT_CATALOGUE)[K]['payload']> };
export type EventPayload<K extends EventType> = EventPayloads[K];

/**
 * A CTI event as the domain publishes it to the router. `scope` may be left out: the router then
 * derives it with `eventScope()`.
 */
export type CtiEvent = {
  [K in EventType]: {
    type: K;
    /** When it happened (ISO-8601). */
    at: string;
    /** Which Asterisk it concerns, when there are several. */
    pbx?: string;
    scope?: EventScope;
    payload: EventPayloads[K];
  };
}[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** The catalogue entry of a type, or undefined for types the catalogue does not declare. */
export function eventDefinition(type: string): EventDefinition | undefined {
  return isEventType(type) ? EVENT_CATALOGUE[type] : undefined;
}

/**
 * The scope of an event, read from its payload as the catalogue declares. Empty or missing
 * values are left out. Unknown types yield an empty scope (and are never delivered).
 */
export function eventScope(type: string, payload: unknown, pbx?: string): EventScope {
  const scope: EventScope = {};
  if (pbx) scope.pbx = pbx;
  const def = eventDefinition(type);
  if (!def || typeof payload !== 'object' || payload === null) return scope;
  const record = payload as Record<string, unknown>;
  for (const [key, field] of Object.entries(def.scopeFields) as [keyof EventScope, string][]) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') scope[key] = value;
  }
  return scope;
}
