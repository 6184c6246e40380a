import type { AmiMessage } from '../codec/message.ts';
import { AmiAbortedError, AmiActionError, AmiTimeoutError } from '../errors.ts';
import { actionIdOf, equalsIgnoreCase, fieldValue } from './fields.ts';

/** A list action's outcome: its response, the items in order, and the closing `…Complete` event. */
export interface AmiListResult {
  response: AmiMessage;
  events: AmiMessage[];
  /** The event with `EventList: Complete`; undefined when the response was an error or not a list. */
  complete: AmiMessage | undefined;
}

export interface PendingSpec {
  id: string;
  /** Action name, for error messages. */
  action: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Resolve with a `Response: Error` instead of rejecting with AmiActionError. */
  allowError?: boolean | undefined;
}

interface Entry {
  spec: PendingSpec;
  list: boolean;
  response: AmiMessage | undefined;
  events: AmiMessage[];
  resolve: (value: AmiMessage | AmiListResult) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

/** Orphaned list IDs remembered at most, so late items of abandoned lists are not taken for live events. */
const MAX_ORPHANS = 1024;

/**
 * The table of actions waiting for their answer, keyed by ActionID. Each entry
 * owns its promise, its timeout and, for lists, the items collected so far.
 * A list completes only on the event carrying `EventList: Complete`.
 */
export class PendingActions {
  readonly #entries = new Map<string, Entry>();
  /** IDs of lists given up (timeout, abort) whose remaining items must still be swallowed. */
  readonly #orphans = new Set<string>();

  get size(): number {
    return this.#entries.size;
  }

  single(spec: PendingSpec): Promise<AmiMessage> {
    return this.#add(spec, false) as Promise<AmiMessage>;
  }

  list(spec: PendingSpec): Promise<AmiListResult> {
    return this.#add(spec, true) as Promise<AmiListResult>;
  }

  /**
   * Route one incoming message. Returns true when the message belonged to a
   * pending action (a response or a list item) and must not be delivered as an event.
   */
  route(message: AmiMessage): boolean {
    if (message.kind === 'response') {
      const id = message.actionId;
      const entry = id === undefined ? undefined : this.#entries.get(id);
      if (entry) this.#onResponse(entry, message);
      return true;
    }
    const id = actionIdOf(message.fields);
    if (id === undefined) return false;
    const entry = this.#entries.get(id);
    if (entry?.list) {
      if (isListEnd(message)) {
        this.#settle(entry);
        entry.resolve({ response: entry.response ?? message, events: entry.events, complete: message });
      } else {
        entry.events.push(message);
      }
      return true;
    }
    if (entry === undefined && this.#orphans.has(id)) {
      if (isListEnd(message)) this.#orphans.delete(id);
      return true;
    }
    return false;
  }

  /** Reject one entry (e.g. its bytes could not be written). */
  fail(id: string, error: Error): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#settle(entry);
    entry.reject(error);
  }

  /** Reject every pending action, e.g. with AmiDisconnectedError when the connection drops. */
  failAll(error: Error): void {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    this.#orphans.clear();
    for (const entry of entries) {
      entry.cleanup();
      entry.reject(error);
    }
  }

  #add(spec: PendingSpec, list: boolean): Promise<AmiMessage | AmiListResult> {
    return new Promise((resolve, reject) => {
      const entry: Entry = { spec, list, response: undefined, events: [], resolve, reject, cleanup: () => {} };
      const giveUp = (error: Error) => {
        if (this.#entries.get(spec.id) !== entry) return;
        this.#settle(entry);
        if (list) this.#orphan(spec.id);
        reject(error);
      };
      const timer = setTimeout(
        () =>
          giveUp(
            new AmiTimeoutError(`${spec.action} got no ${list ? 'complete list' : 'response'} within ${spec.timeoutMs} ms`, {
              action: spec.action,
              actionId: spec.id,
              timeoutMs: spec.timeoutMs,
            }),
          ),
        spec.timeoutMs,
      );
      const onAbort = () => giveUp(new AmiAbortedError({ action: spec.action, actionId: spec.id }));
      spec.signal?.addEventListener('abort', onAbort, { once: true });
      entry.cleanup = () => {
        clearTimeout(timer);
        spec.signal?.removeEventListener('abort', onAbort);
      };
      this.#entries.set(spec.id, entry);
    });
  }

  #onResponse(entry: Entry, response: AmiMessage): void {
    if (entry.response !== undefined) return;
    const isError = equalsIgnoreCase(response.response, 'Error');
    if (isError && !entry.spec.allowError) {
      this.#settle(entry);
      entry.reject(new AmiActionError(entry.spec.action, response));
      return;
    }
    const listStart = !isError && equalsIgnoreCase(fieldValue(response.fields, 'eventlist'), 'start');
    if (!entry.list) {
      this.#settle(entry);
      // A list sent with send(): its items must not pass for live events.
      if (listStart) this.#orphan(entry.spec.id);
      entry.resolve(response);
      return;
    }
    if (listStart) {
      entry.response = response;
      return;
    }
    // An error, or a plain reply to an action that turned out not to be a list.
    this.#settle(entry);
    entry.resolve({ response, events: entry.events, complete: undefined });
  }

  #settle(entry: Entry): void {
    entry.cleanup();
    this.#entries.delete(entry.spec.id);
  }

  #orphan(id: string): void {
    if (this.#orphans.size >= MAX_ORPHANS) {
      const oldest = this.#orphans.values().next().value;
      if (oldest !== undefined) this.#orphans.delete(oldest);
    }
    this.#orphans.add(id);
  }
}

function isListEnd(message: AmiMessage): boolean {
  return equalsIgnoreCase(fieldValue(message.fields, 'eventlist'), 'complete');
}
