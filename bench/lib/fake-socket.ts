import { Duplex } from 'node:stream';

/**
 * Stands in for a connected `net.Socket` so that AMI readers can be fed
 * recorded bytes in-process. Incoming bytes are pushed into its readable
 * side, which is exactly how a real socket delivers them: `'data'` events
 * in flowing mode, `setEncoding()` with a StringDecoder, `pipe()`. Writes
 * (actions) are accepted and discarded.
 */
export class FakeSocket extends Duplex {
  readonly readyState = 'open';

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  /** Deliver bytes as if they had arrived from the network. */
  deliver(chunk: Buffer): void {
    this.push(chunk);
  }

  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setTimeout(): this {
    return this;
  }
}
