import type { AmiMessage } from '../codec/message.ts';
import type { AmiEventListener } from './event-dispatcher.ts';

export interface AmiEventIteratorOptions {
  /** Ends the iteration when aborted. */
  signal?: AbortSignal;
  /** Only these event names (exact spelling). Default: every event. */
  names?: readonly string[];
  /**
   * Events buffered while the loop body runs. When the buffer is full the client stops
   * delivering events (and, past its high-water mark, stops reading the socket) until the loop
   * catches up. Default 1000.
   */
  bufferSize?: number;
}

/**
 * Events as an async iterator, with backpressure: a full buffer holds back the client's event
 * delivery, as a slow `onEvent` listener would. Ends on `return()` (a `break` out of
 * `for await`) or on abort, dropping what is buffered, or when the client closes, after the
 * buffered events.
 */
export function eventIterator(
  subscribe: (listener: AmiEventListener) => () => void,
  onClosed: (done: () => void) => () => void,
  options: AmiEventIteratorOptions = {},
): AsyncIterableIterator<AmiMessage> {
  const { signal } = options;
  const size = Math.max(1, options.bufferSize ?? 1000);
  const names = options.names === undefined ? undefined : new Set(options.names);
  const buffer: AmiMessage[] = [];
  let head = 0;
  let wake: ((r: IteratorResult<AmiMessage>) => void) | undefined;
  let room: (() => void) | undefined;
  let done = false;
  let stopOnClose = (): void => {};

  const finish = (): void => {
    if (done) return;
    done = true;
    unsubscribe();
    stopOnClose();
    signal?.removeEventListener('abort', abort);
    room?.();
    room = undefined;
    wake?.({ value: undefined, done: true });
    wake = undefined;
  };
  const unsubscribe = subscribe((message) => {
    if (done || (names !== undefined && !names.has(message.event ?? ''))) return;
    if (wake !== undefined) {
      const w = wake;
      wake = undefined;
      w({ value: message, done: false });
      return;
    }
    buffer.push(message);
    if (buffer.length - head < size) return;
    return new Promise<void>((resolve) => (room = resolve));
  });
  const abort = (): void => {
    buffer.length = 0;
    head = 0;
    finish();
  };
  stopOnClose = onClosed(finish);
  if (done) stopOnClose();
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort();

  return {
    next() {
      if (head < buffer.length) {
        const value = buffer[head]!;
        buffer[head++] = undefined as unknown as AmiMessage;
        if (head === buffer.length) {
          buffer.length = 0;
          head = 0;
        }
        if (room !== undefined && buffer.length - head < size) {
          const r = room;
          room = undefined;
          r();
        }
        return Promise.resolve({ value, done: false });
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return() {
      finish();
      buffer.length = 0;
      head = 0;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
