import type { EventPayloads, EventType, PrincipalSummary, StateSnapshot } from '@amiable/protocol';
import type { CtiError } from './errors.ts';
import type { ConnectionStatus } from './live/live-socket.ts';
import type { Welcome } from './wire/frames.ts';

/** One CTI event as listeners receive it: the catalogue payload plus its place in the stream. */
export interface DeliveredEvent<K extends EventType = EventType> {
  type: K;
  /** Position in this client's stream; resume continues after it. */
  seq: number;
  /** When it happened (ISO-8601). */
  at: string;
  /** Which Asterisk it concerns, when there are several. */
  pbx?: string;
  payload: EventPayloads[K];
}

/** Any catalogue event, narrowed by `switch (event.type)`. */
export type AnyDeliveredEvent = { [K in EventType]: DeliveredEvent<K> }[EventType];

/**
 * The client's view must be rebuilt: the resume point was gone (`must-resync`)
 * or the server rebuilt its own state after reconnecting to Asterisk (`server`).
 * `state` is the fresh snapshot; replace local state with it.
 */
export interface ResyncNotice {
  type: 'resync';
  cause: 'must-resync' | 'server';
  pbx: string | null;
  reason: string;
  state: StateSnapshot;
}

export interface SnapshotNotice {
  seq: number;
  state: StateSnapshot;
}

/** Listener map of `client.on()`: every catalogue event type plus the client's own notices. */
export type ClientEvents = { [K in Exclude<EventType, 'resync'>]: DeliveredEvent<K> } & {
  /** Every catalogue event, whatever its type (the server's `resync` event included). */
  event: AnyDeliveredEvent;
  /** The state must be replaced (see `ResyncNotice`). */
  resync: ResyncNotice;
  /** A state snapshot from the server (after connecting, and after a resync). */
  snapshot: SnapshotNotice;
  /** The live connection changed state. */
  connection: ConnectionStatus;
  welcome: Welcome;
  /** Signed in (the principal) or signed out / session ended (undefined). */
  session: PrincipalSummary | undefined;
  /** An error not tied to a command: an `error` or `bye` frame from the server, a failed resync. */
  error: CtiError;
};

export type ClientEventName = keyof ClientEvents;
