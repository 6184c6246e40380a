import type { ErrorBody, PrincipalSummary, StateSnapshot, SubscriptionFilter } from '@amiable/protocol';

/**
 * The SDK's own view of the WebSocket frames. The codec next to this file maps
 * between these and the protocol's envelope, so the rest of the SDK does not
 * depend on field names on the wire.
 */
export interface Welcome {
  /** The stream id; sent back in `resume` after a reconnect. */
  stream: string;
  /** Events on this connection continue from here. */
  seq: number;
  /** True when the server replays what was missed since `resume`. */
  resumed: boolean;
  /** True when the resume point is gone: the client must reload its state (a snapshot follows). */
  mustResync: boolean;
  resumeWindowSeconds: number;
  principal: PrincipalSummary;
}

export interface WireEvent {
  seq: number;
  type: string;
  at: string;
  pbx?: string;
  payload: unknown;
}

export interface ResumePoint {
  stream: string;
  seq: number;
}

export type InboundFrame =
  | { kind: 'welcome'; welcome: Welcome }
  | ({ kind: 'event' } & WireEvent)
  | { kind: 'snapshot'; seq: number; state: StateSnapshot }
  | { kind: 'result'; id: string; ok: true; value: unknown }
  | { kind: 'result'; id: string; ok: false; error: ErrorBody }
  | { kind: 'error'; error: ErrorBody }
  | { kind: 'pong'; id?: string }
  | { kind: 'bye'; closeCode: number; error: ErrorBody };

export type OutboundFrame =
  | { kind: 'hello'; token: string; resume?: ResumePoint }
  | { kind: 'subscribe'; id?: string; filter: SubscriptionFilter }
  | { kind: 'command'; id: string; name: string; args: unknown }
  | { kind: 'ping'; id?: string };

/** Encodes outbound frames and decodes inbound ones. `decode` returns undefined for unreadable input. */
export interface WireCodec {
  encode(frame: OutboundFrame): string;
  decode(text: string): InboundFrame | undefined;
}
