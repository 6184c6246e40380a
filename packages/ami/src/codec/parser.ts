import { AmiMessageTooLargeError, type AmiError } from '../errors.ts';
import { AmiMessage } from './message.ts';

/** Where the parser hands finished messages. No I/O happens inside the parser. */
export interface AmiParserSink {
  message(message: AmiMessage): void;
  /** The one-line banner (`Asterisk Call Manager/11.0.0`), when `expectBanner` is set. */
  banner?(line: string): void;
  /** Recoverable framing problems, such as an over-long message. Parsing continues. */
  error?(error: AmiError): void;
}

export interface AmiParserOptions {
  /** Read one banner line before message framing starts (client side). Default false. */
  expectBanner?: boolean;
  /** Cap for a single message in bytes. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Clock for `receivedAt`. Default Date.now. */
  now?: () => number;
}

const LF = 10;
const CR = 13;

/**
 * A pure, incremental AMI framer and decoder. Feed it Buffers in any split;
 * it emits whole messages. Line ends may be CRLF or a bare LF, a message ends
 * at the first empty line, and empty messages are dropped. Each complete
 * message is decoded as UTF-8 in one call, so characters split across chunks
 * are never corrupted.
 */
export class AmiParser {
  readonly #sink: AmiParserSink;
  readonly #max: number;
  readonly #now: () => number;
  #awaitingBanner: boolean;
  #pending: Buffer | undefined;
  /** Offset inside #pending where the next line starts (already-scanned bytes are not rescanned). */
  #lineStart = 0;
  #discarding = false;

  constructor(sink: AmiParserSink, options: AmiParserOptions = {}) {
    this.#sink = sink;
    this.#max = options.maxMessageBytes ?? 1024 * 1024;
    this.#now = options.now ?? Date.now;
    this.#awaitingBanner = options.expectBanner ?? false;
  }

  /** Bytes held while waiting for the rest of a message. */
  get buffered(): number {
    return this.#pending?.length ?? 0;
  }

  /** Forget any partial message, e.g. after the connection dropped. */
  reset(expectBanner = this.#awaitingBanner): void {
    this.#pending = undefined;
    this.#lineStart = 0;
    this.#discarding = false;
    this.#awaitingBanner = expectBanner;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const incoming = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const buf = this.#pending === undefined ? incoming : Buffer.concat([this.#pending, incoming]);
    let msgStart = 0;
    let lineStart = this.#lineStart;

    if (this.#awaitingBanner) {
      const nl = buf.indexOf(LF, lineStart);
      if (nl === -1) {
        this.#keep(buf, 0, buf.length);
        return;
      }
      const end = nl > 0 && buf[nl - 1] === CR ? nl - 1 : nl;
      this.#awaitingBanner = false;
      this.#sink.banner?.(buf.toString('utf8', 0, end));
      msgStart = lineStart = nl + 1;
    }

    const now = this.#now();
    for (;;) {
      const nl = buf.indexOf(LF, lineStart);
      if (nl === -1) break;
      const empty = nl === lineStart || (nl === lineStart + 1 && buf[lineStart] === CR);
      if (empty) {
        if (lineStart > msgStart) {
          if (this.#discarding) this.#discarding = false;
          else this.#sink.message(new AmiMessage(decodeFields(buf.toString('utf8', msgStart, lineStart)), now));
        }
        msgStart = nl + 1;
      }
      lineStart = nl + 1;
    }

    if (msgStart >= buf.length) {
      this.#pending = undefined;
      this.#lineStart = 0;
      return;
    }
    if (buf.length - msgStart > this.#max && !this.#discarding) {
      this.#discarding = true;
      this.#sink.error?.(new AmiMessageTooLargeError(this.#max));
    }
    if (this.#discarding) {
      // Keep only the unfinished line. If it is long, a placeholder byte says "non-empty line"
      // and the last byte is kept, because a trailing CR must still pair with the next LF.
      this.#pending =
        buf.length - lineStart > 2
          ? Buffer.from([0x78, buf[buf.length - 1]!])
          : Buffer.from(buf.subarray(lineStart));
      this.#lineStart = 0;
      return;
    }
    this.#keep(buf, msgStart, lineStart);
  }

  #keep(buf: Buffer, from: number, lineStart: number): void {
    if (this.#awaitingBanner && buf.length > this.#max) {
      this.#awaitingBanner = false;
      this.#sink.error?.(new AmiMessageTooLargeError(this.#max));
      this.#pending = undefined;
      this.#lineStart = 0;
      return;
    }
    // Copy so that we never pin the caller's (possibly large) chunk.
    this.#pending = Buffer.from(buf.subarray(from));
    this.#lineStart = lineStart - from;
  }
}

/**
 * Split one decoded message into ordered [key, value, ...] fields.
 * The key ends at the first colon; exactly one space after it is skipped.
 * A line without a colon continues the previous value (Asterisk's stray `\n`
 * inside `Message:`), or becomes a value with an empty key if it comes first.
 */
export function decodeFields(text: string): string[] {
  const fields: string[] = [];
  let start = 0;
  const len = text.length;
  while (start < len) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = len;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    if (end > start) {
      const colon = text.indexOf(':', start);
      if (colon !== -1 && colon < end) {
        const vStart = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
        fields.push(text.slice(start, colon), vStart >= end ? '' : text.slice(vStart, end));
      } else if (fields.length > 0) {
        fields[fields.length - 1] += `\n${text.slice(start, end)}`;
      } else {
        fields.push('', text.slice(start, end));
      }
    }
    start = nl + 1;
  }
  return fields;
}
