import type { Socket } from 'node:net';

const END_GRACE_MS = 2000;

/**
 * The only way bytes reach a client. Writes never wait: they go to the socket at
 * once, and a client whose unsent bytes pass the high-water mark (it stopped
 * reading, or reads more slowly than events arrive) is cut off, so that one slow
 * reader can never hold up the fan-out to the others.
 */
export class Outbound {
  readonly #socket: Socket;
  readonly #highWaterMark: number;
  readonly #onStalled: (queuedBytes: number) => void;
  #stalled = false;

  constructor(socket: Socket, highWaterMark: number, onStalled: (queuedBytes: number) => void) {
    this.#socket = socket;
    this.#highWaterMark = highWaterMark;
    this.#onStalled = onStalled;
  }

  get open(): boolean {
    return !this.#stalled && !this.#socket.destroyed && this.#socket.writable;
  }

  /** Bytes accepted but not yet handed to the kernel. */
  get queued(): number {
    return this.#socket.writableLength;
  }

  write(bytes: Buffer | string): void {
    if (!this.open) return;
    this.#socket.write(bytes);
    const queued = this.#socket.writableLength;
    if (queued > this.#highWaterMark) {
      this.#stalled = true;
      this.#socket.destroy();
      this.#onStalled(queued);
    }
  }

  /**
   * Write, then close once everything is flushed (Logoff, failed login). A peer that
   * keeps its side open is cut off after a grace period, as Asterisk closes outright.
   */
  end(bytes: Buffer | string): void {
    if (!this.open) return;
    const socket = this.#socket;
    socket.end(bytes);
    setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
  }
}
