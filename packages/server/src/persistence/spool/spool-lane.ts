/**
 * One lane of the disk spool: an append-only log of JSON lines in numbered
 * segment files (`000000000001.jsonl`, ...) plus a cursor file naming the first
 * line not yet applied. Appends are synchronous writes (a `kill -9` right after
 * `append()` returns loses nothing); a partial last line left by a crash is cut
 * off at open. Fully applied segments are deleted; the oldest segment can be
 * dropped whole when the spool is over its budget.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface SpoolPosition {
  segment: number;
  offset: number;
}

interface Segment {
  n: number;
  bytes: number;
  /** Lines at or after the cursor (the whole segment unless it is the cursor's). */
  records: number;
}

const NEWLINE = 0x0a;
const name = (n: number) => `${String(n).padStart(12, '0')}.jsonl`;

export class SpoolLane {
  readonly dir: string;
  readonly #segmentBytes: number;
  readonly #segments: Segment[] = [];
  #cursor: SpoolPosition = { segment: 0, offset: 0 };
  #fd: number | undefined;

  constructor(dir: string, options: { segmentBytes: number }) {
    this.dir = dir;
    this.#segmentBytes = options.segmentBytes;
    mkdirSync(dir, { recursive: true });
    this.#open();
  }

  /** Records (lines) waiting to be applied. */
  get records(): number {
    let n = 0;
    for (const s of this.#segments) n += s.records;
    return n;
  }

  /** Bytes on disk not yet applied. */
  get bytes(): number {
    let n = 0;
    for (const s of this.#segments) n += s.bytes;
    return n - (this.#segments[0]?.n === this.#cursor.segment ? this.#cursor.offset : 0);
  }

  /** Segments other than the one being written (the ones dropOldest() may take). */
  get closedSegments(): number {
    return Math.max(0, this.#segments.length - 1);
  }

  append(lines: readonly string[]): void {
    if (lines.length === 0) return;
    const buffer = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    let last = this.#segments.at(-1);
    if (last === undefined || this.#fd === undefined) last = this.#roll();
    let written = 0;
    while (written < buffer.length) written += writeSync(this.#fd!, buffer, written, buffer.length - written);
    last.bytes += buffer.length;
    last.records += lines.length;
    if (last.bytes >= this.#segmentBytes) this.#roll();
  }

  /** Up to `max` records from the cursor, with the position after each. */
  peek(max: number): Array<{ line: string; end: SpoolPosition }> {
    const out: Array<{ line: string; end: SpoolPosition }> = [];
    for (const segment of this.#segments) {
      if (out.length >= max) break;
      const start = segment.n === this.#cursor.segment ? this.#cursor.offset : 0;
      if (start >= segment.bytes) continue;
      const fd = openSync(join(this.dir, name(segment.n)), 'r');
      try {
        let chunk = Math.min(segment.bytes - start, 4 << 20);
        for (;;) {
          const buffer = Buffer.allocUnsafe(chunk);
          const got = readSync(fd, buffer, 0, chunk, start);
          let lineStart = 0;
          for (let i = 0; i < got && out.length < max; i++) {
            if (buffer[i] !== NEWLINE) continue;
            out.push({ line: buffer.toString('utf8', lineStart, i), end: { segment: segment.n, offset: start + i + 1 } });
            lineStart = i + 1;
          }
          // A single record longer than the chunk: read a larger one.
          if (lineStart === 0 && got === chunk && start + chunk < segment.bytes) {
            chunk = Math.min(segment.bytes - start, chunk * 2);
            continue;
          }
          break;
        }
      } finally {
        closeSync(fd);
      }
    }
    return out;
  }

  /** Everything before `end` is applied: move the cursor, delete finished segments. */
  ack(end: SpoolPosition, records: number): void {
    if (end.segment < this.#cursor.segment || (end.segment === this.#cursor.segment && end.offset <= this.#cursor.offset)) return;
    // Records of the segments passed over (all applied) and of the cursor's segment.
    while (this.#segments.length > 0 && this.#segments[0]!.n < end.segment) {
      records -= this.#segments[0]!.records;
      this.#delete(this.#segments.shift()!);
    }
    const head = this.#segments[0];
    if (head !== undefined && head.n === end.segment) head.records = Math.max(0, head.records - Math.max(0, records));
    this.#cursor = { ...end };
    if (head !== undefined && head.n === end.segment && end.offset >= head.bytes && this.#segments.length > 1) {
      this.#delete(this.#segments.shift()!);
      this.#cursor = { segment: this.#segments[0]!.n, offset: 0 };
    }
    this.#saveCursor();
  }

  /** Deletes the oldest closed segment; returns how many records were lost (0 if none can go). */
  dropOldest(): number {
    if (this.#segments.length < 2) return 0;
    const oldest = this.#segments.shift()!;
    this.#delete(oldest);
    this.#cursor = { segment: this.#segments[0]!.n, offset: 0 };
    this.#saveCursor();
    return oldest.records;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #open(): void {
    const numbers = readdirSync(this.dir)
      .filter((f) => /^\d{12}\.jsonl$/.test(f))
      .map((f) => Number(f.slice(0, 12)))
      .sort((a, b) => a - b);
    const cursorFile = join(this.dir, 'cursor.json');
    if (existsSync(cursorFile)) {
      const saved = JSON.parse(readFileSync(cursorFile, 'utf8')) as SpoolPosition;
      this.#cursor = { segment: saved.segment, offset: saved.offset };
    } else {
      this.#cursor = { segment: numbers[0] ?? 1, offset: 0 };
    }
    for (const n of numbers) {
      const path = join(this.dir, name(n));
      if (n < this.#cursor.segment) {
        rmSync(path, { force: true });
        continue;
      }
      let bytes = statSync(path).size;
      if (n === numbers.at(-1)) bytes = cutPartialLine(path, bytes);
      const from = n === this.#cursor.segment ? Math.min(this.#cursor.offset, bytes) : 0;
      this.#segments.push({ n, bytes, records: countLines(path, from, bytes) });
    }
    if (this.#segments.length === 0 || this.#segments[0]!.n !== this.#cursor.segment) {
      this.#cursor = { segment: this.#segments[0]?.n ?? this.#cursor.segment, offset: 0 };
    }
    const last = this.#segments.at(-1);
    if (last !== undefined) this.#fd = openSync(join(this.dir, name(last.n)), 'a');
  }

  #roll(): Segment {
    if (this.#fd !== undefined) closeSync(this.#fd);
    const n = (this.#segments.at(-1)?.n ?? this.#cursor.segment - 1) + 1;
    this.#fd = openSync(join(this.dir, name(n)), 'a');
    const segment: Segment = { n, bytes: 0, records: 0 };
    this.#segments.push(segment);
    return segment;
  }

  #delete(segment: Segment): void {
    rmSync(join(this.dir, name(segment.n)), { force: true });
  }

  #saveCursor(): void {
    const file = join(this.dir, 'cursor.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.#cursor));
    renameSync(`${file}.tmp`, file);
  }
}

/** Cuts a trailing line without its newline (a write cut short by a crash). */
function cutPartialLine(path: string, bytes: number): number {
  if (bytes === 0) return 0;
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.allocUnsafe(Math.min(size, 64 << 10));
    let end = size;
    for (;;) {
      const from = Math.max(0, end - tail.length);
      const got = readSync(fd, tail, 0, end - from, from);
      const i = tail.subarray(0, got).lastIndexOf(NEWLINE);
      if (i >= 0) {
        end = from + i + 1;
        break;
      }
      if (from === 0) {
        end = 0;
        break;
      }
      end = from;
    }
    if (end !== size) ftruncateSync(fd, end);
    return end;
  } finally {
    closeSync(fd);
  }
}

function countLines(path: string, from: number, to: number): number {
  if (to <= from) return 0;
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let n = 0;
    for (let at = from; at < to; ) {
      const got = readSync(fd, buffer, 0, Math.min(buffer.length, to - at), at);
      if (got <= 0) break;
      for (let i = 0; i < got; i++) if (buffer[i] === NEWLINE) n++;
      at += got;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}
