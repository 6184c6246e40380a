import type { AmiActionInput } from '../codec/encoder.ts';
import type { AmiMessage } from '../codec/message.ts';
import type { AmiError } from '../errors.ts';
import type { AmiEventName, AmiEventRecord, AmiTypedEvent, AmiUnknownEvent } from '../events/typed-event.ts';
import type { AmiEventListener, AmiEventMeta } from './event-dispatcher.ts';
import type { AmiEventIteratorOptions } from './event-iterator.ts';
import type { AmiListResult } from './pending-actions.ts';
import type { AmiClientState, AmiStatusChange } from './state-machine.ts';

export interface AmiSendOptions {
  /** Default: the client's actionTimeoutMs (send) or listTimeoutMs (sendList). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Resolve with a `Response: Error` reply instead of rejecting with AmiActionError. */
  allowError?: boolean;
  /**
   * When the client is not ready, wait for `ready` instead of failing at once
   * with AmiNotConnectedError. The timeout counts from the call.
   */
  queue?: boolean;
}

export interface AmiConnectOptions {
  /**
   * Aborting before the client is ready rejects `connect()` with AmiAbortedError and closes
   * the client (no more attempts). Once ready, the signal no longer matters.
   */
  signal?: AbortSignal;
}

export interface AmiOriginateOptions extends AmiSendOptions {
  /** How long to wait for the OriginateResponse event. Default: the action's Timeout + 10 s. */
  resultTimeoutMs?: number;
}

export interface AmiOriginateResult {
  /** The immediate reply, `Originate successfully queued`. */
  response: AmiMessage;
  /**
   * The OriginateResponse event for this Originate (`Response: Success` or
   * `Failure`, `Reason`, `Uniqueid`). The event is also delivered to event listeners.
   */
  result: Promise<AmiMessage>;
}

export interface AmiClient {
  readonly state: AmiClientState;
  /** The banner of the current or last session, e.g. `Asterisk Call Manager/11.0.0`. */
  readonly banner: string | undefined;
  /** The AMI version from the banner, e.g. `11.0.0`. */
  readonly version: string | undefined;
  /** Increments with each new connection. */
  readonly connectionId: number;
  /** Connect and log in. Resolves when `ready`; rejects if the client closes first (e.g. login refused). */
  connect(options?: AmiConnectOptions): Promise<void>;
  /** Log off (if logged in), close the connection and stop reconnecting. Final. */
  close(): Promise<void>;
  /** Send an action; resolves with its response. `Response: Error` rejects with AmiActionError. */
  send(action: AmiActionInput, options?: AmiSendOptions): Promise<AmiMessage>;
  /** Send a list action; resolves when the event with `EventList: Complete` arrives. */
  sendList(action: AmiActionInput, options?: AmiSendOptions): Promise<AmiListResult>;
  /** Send an Originate (always `Async: true`) and get a promise of its OriginateResponse event. */
  originate(action: AmiActionInput, options?: AmiOriginateOptions): Promise<AmiOriginateResult>;
  /** Listen to events. Returns an unsubscribe function. */
  onEvent(listener: AmiEventListener): () => void;
  /**
   * Listen to one event by name. The listener gets the headers as an object (typed for the
   * events recorded from Asterisk 22: `client.on('QueueMemberPause', (e) => e.Interface)`),
   * the message itself and its meta. Returns an unsubscribe function.
   */
  on<N extends AmiEventName>(
    name: N,
    listener: (event: AmiEventRecord<N>, message: AmiTypedEvent<N>, meta: AmiEventMeta) => void | Promise<void>,
  ): () => void;
  on(
    name: string,
    listener: (event: AmiUnknownEvent, message: AmiMessage, meta: AmiEventMeta) => void | Promise<void>,
  ): () => void;
  /**
   * Events as an async iterator (`for await (const e of client.events()) ...`), with
   * backpressure. Ends on `break`, on abort, or when the client closes.
   */
  events(options?: AmiEventIteratorOptions): AsyncIterableIterator<AmiMessage>;
  /** Listen to status changes. Returns an unsubscribe function. */
  onStatus(listener: (change: AmiStatusChange) => void): () => void;
  /** Listen to errors: connection losses, listener failures, discarded messages. */
  onError(listener: (error: AmiError | Error) => void): () => void;
  /** Status changes as an async iterator; ends when `signal` aborts or the iterator is returned. */
  statusChanges(signal?: AbortSignal): AsyncIterableIterator<AmiStatusChange>;
}
