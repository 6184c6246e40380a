import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PbxSimTranscriptError } from '../errors.ts';

/** A recorded session ready to be served again. */
export interface Transcript {
  /** The banner line without its CRLF. */
  banner: string;
  /** The recorded answer to the recorder's own Login (replaced by an answer to the client's). */
  loginResponse: Buffer;
  /** Everything after the login response, byte for byte. */
  body: Buffer;
  /**
   * Chunks of `body` with their offset in ms from the login response, taken
   * from timeline.jsonl when it lines up with received.ami; otherwise one chunk.
   */
  chunks: Array<{ atMs: number; bytes: Buffer }>;
}

const CRLF = Buffer.from('\r\n');
const END = Buffer.from('\r\n\r\n');

interface TimelineEntry {
  t: number;
  conn?: string;
  dir?: string;
  text?: string;
}

/**
 * Load `<dir>/received.ami` (or a file path) and, when present,
 * `timeline.jsonl` for pacing. `session` picks a prefixed file such as
 * `resync-received.ami` and its `conn` in the timeline.
 */
export function loadTranscript(path: string, session = 'main'): Transcript {
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const dir = isDir ? path : join(path, '..');
  const file = isDir ? join(path, session === 'main' ? 'received.ami' : `${session}-received.ami`) : path;
  if (!existsSync(file)) throw new PbxSimTranscriptError(`No transcript at ${file}`, { file });
  const bytes = readFileSync(file);
  const nl = bytes.indexOf(CRLF);
  if (nl === -1) throw new PbxSimTranscriptError('The transcript has no banner line', { file });
  const banner = bytes.subarray(0, nl).toString('utf8');
  const afterBanner = nl + 2;
  const loginEnd = bytes.indexOf(END, afterBanner);
  if (loginEnd === -1) throw new PbxSimTranscriptError('The transcript has no login response', { file });
  const loginResponse = bytes.subarray(afterBanner, loginEnd + 4);
  const bodyStart = loginEnd + 4;
  const body = bytes.subarray(bodyStart);
  return { banner, loginResponse, body, chunks: pacedChunks(join(dir, 'timeline.jsonl'), session, bytes, bodyStart) };
}

function pacedChunks(timelinePath: string, session: string, all: Buffer, bodyStart: number): Transcript['chunks'] {
  const body = all.subarray(bodyStart);
  const single = [{ atMs: 0, bytes: body }];
  if (!existsSync(timelinePath)) return single;
  const entries: TimelineEntry[] = [];
  for (const line of readFileSync(timelinePath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as TimelineEntry;
    if ((e.conn ?? 'main') === session && e.dir === 'in' && typeof e.text === 'string') entries.push(e);
  }
  let offset = 0;
  const chunks: Transcript['chunks'] = [];
  let t0: number | undefined;
  for (const e of entries) {
    const b = Buffer.from(e.text!, 'utf8');
    const start = offset;
    offset += b.length;
    if (offset <= bodyStart) {
      if (offset === bodyStart) t0 = e.t;
      continue;
    }
    const from = Math.max(start, bodyStart);
    chunks.push({ atMs: Math.max(0, (e.t - (t0 ?? e.t)) * 1000), bytes: all.subarray(from, offset) });
  }
  if (offset !== all.length || chunks.length === 0) return single;
  return chunks;
}
