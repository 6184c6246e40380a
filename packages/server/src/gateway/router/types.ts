import type { CtiEvent, ResumePoint, SubscriptionFilter } from '@amiable/protocol';
import type { Principal } from '../../identity/principal.ts';

/**
 * An event as the domain hands it to the router: a catalogue type with that type's payload
 * (checked by the compiler). `scope` is derived from the payload when absent.
 */
export type PublishedEvent = CtiEvent;

/** Where CTI events go: the router implements it; the domain publishes into it. */
export interface EventSink {
  publish(event: PublishedEvent): void;
}

/** The socket under a client stream. `send` must never block; `done` fires once the data left the process. */
export interface ClientTransport {
  send(data: string, done: (err?: Error) => void): void;
  /** Bytes accepted by `send` and not yet written to the network. */
  bufferedAmount(): number;
  /** Sends a `bye` frame if it can and closes with the code. */
  close(closeCode: number, errorCode: string, message: string): void;
}

export interface RouterOptions {
  /** Outbound queue limit per client, in frames. */
  maxQueueEvents: number;
  /** Outbound queue limit per client, in bytes. */
  maxQueueBytes: number;
  /** Stop writing to a socket while this many bytes wait in its buffer. */
  socketHighWaterBytes: number;
  /** How long a disconnected stream is kept for resume. */
  resumeWindowMs: number;
  /** Events retained per stream for resume. */
  retainEvents: number;
}

export const DEFAULT_ROUTER_OPTIONS: RouterOptions = {
  maxQueueEvents: 10_000,
  maxQueueBytes: 8 * 1024 * 1024,
  socketHighWaterBytes: 1024 * 1024,
  resumeWindowMs: 120_000,
  retainEvents: 5_000,
};

/**
 * The cluster's event stream, as the router reads it to resume a client anywhere: every event
 * has a position (its sequence in the stream), the same on every node, and a client's `seq` is
 * the position of the last event it got. Without it, streams number their own events and resume
 * from what they retained in memory.
 */
export interface EventHistory {
  /** Position of the last event published into this router. */
  head(): number;
  /**
   * The events after `after` up to `upTo` included, in order; undefined when some of them are no
   * longer retained (the client gets a snapshot instead).
   */
  read(after: number, upTo: number): Promise<Array<{ position: number; event: PublishedEvent }> | undefined>;
  /** How long the stream retains events, in seconds: how long a client may stay away and resume. */
  retentionSeconds: number;
}

/** Counters the router reports; the gateway's metrics implement them. */
export interface RouterMetrics {
  eventIn(event: PublishedEvent): void;
  eventsOut(count: number): void;
  slowConsumerDropped(): void;
  eventDenied(type: string): void;
}

export interface ConnectRequest {
  principal: Principal;
  transport: ClientTransport;
  resume?: ResumePoint;
  filter?: SubscriptionFilter;
}
