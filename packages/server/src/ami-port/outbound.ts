import type { Socket } from 'node:net';
import type { BatchFlusher, BatchJoiner, Flushable } from './batch-flusher.ts';

const END_GRACE_MS = 2000;

/**
 * The only way bytes reach a client. Nothing here ever waits for the client.
 *
 * Events are queued and handed to the socket in one write per flush window (see
 * BatchFlusher); answers to the client's own actions are written at once, after
 * whatever events were queued before them, so the order on the wire is the order
 * of the calls. The queue is bounded: a client whose unsent bytes (those the socket
 * could not hand to the kernel because the client is not reading) pass the high-water
 * mark is cut
 * off, so that one slow reader can never hold up the fan-out to the others nor
 * grow the server's memory. A cut client sees its connection close; it never stays
 * connected with events missing.
 */
export class Outbound implements Flushable {
  readonly #socket: Socket;
  readonly #highWaterMark: number;
  readonly #onStalled: (queuedBytes: number) => void;
  readonly #flusher: BatchFlusher;
  #parts: Buffer[] = [];
  #partsBytes = 0;
  #stalled = false;

  constructor(socket: Socket, highWaterMark: number, flusher: BatchFlusher, onStalled: (queuedBytes: number) => void) {
    this.#socket = socket;
    this.#highWaterMark = highWaterMark;
    this.#flusher = flusher;
    this.#onStalled = onStalled;
  }

  get open(): boolean {
    return !this.#stalled && !this.#socket.destroyed && this.#socket.writable;
  }

  /** Bytes accepted but not yet handed to the kernel. */
  get queued(): number {
    return this.#partsBytes + this.#socket.writableLength;
  }

  /** An event: sent with the next flush. */
  queue(bytes: Buffer): void {
    if (!this.open) return;
    this.#parts.push(bytes);
    this.#partsBytes += bytes.length;
    if (this.#partsBytes > this.#highWaterMark / 2) {
      // A burst: hand it to the socket now rather than hold this much until the flush.
      this.#drain(undefined);
      this.#check();
    } else if (this.#parts.length === 1) {
      this.#flusher.mark(this);
    }
  }

  /** Written now, after the events already queued. */
  write(bytes: Buffer | string): void {
    if (!this.open) return;
    this.#drain(undefined);
    this.#socket.write(bytes);
    this.#check();
  }

  flush(joiner: BatchJoiner): void {
    if (this.open) this.#drain(joiner);
    if (this.open) this.#check();
  }

  /**
   * Write, then close once everything is flushed (Logoff, failed login). A peer that
   * keeps its side open is cut off after a grace period, as Asterisk closes outright.
   */
  end(bytes: Buffer | string): void {
    if (!this.open) return;
    this.#drain(undefined);
    const socket = this.#socket;
    socket.end(bytes);
    setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
  }

  #drain(joiner: BatchJoiner | undefined): void {
    const parts = this.#parts;
    if (parts.length === 0) return;
    this.#parts = [];
    this.#partsBytes = 0;
    this.#socket.write(parts.length === 1 ? parts[0]! : joiner ? joiner.join(parts) : Buffer.concat(parts));
  }

  /** Cuts the client off when the bytes it left unread pass the high-water mark; true if it did. */
  #check(): boolean {
    const queued = this.#socket.writableLength;
    if (queued <= this.#highWaterMark) return false;
    this.#stalled = true;
    this.#parts = [];
    this.#partsBytes = 0;
    this.#socket.destroy();
    this.#onStalled(queued);
    return true;
  }
}
