import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AmiMessage, AmiParser } from '@amiable/ami';
import { ReplayInputError } from '../errors.ts';
import { readTimelineTimes } from './timeline.ts';

/** Where each message's time came from. */
export type ClockSource = 'timeline' | 'timestamp' | 'synthetic';

export interface Transcript {
  readonly messages: readonly AmiMessage[];
  readonly clock: ClockSource;
  /** Set when a timeline existed but could not be matched. */
  readonly warning: string | null;
}

/**
 * Read a recorded AMI byte stream (banner included). Each message gets a
 * receive time, from the best source available:
 * 1. the sibling `timeline.jsonl`: the `t` (epoch seconds) of the entries of
 *    this session (`received.ami` is session `main`, `<name>-received.ami` is
 *    session `<name>`) with `dir` `in` or `recv`, matched to messages in order;
 * 2. otherwise each event's `Timestamp:` header (present with timestampevents=yes),
 *    carried forward to messages without one;
 * 3. otherwise a synthetic clock: message i at `start + i` milliseconds.
 */
export function loadTranscript(path: string, options: { readonly syntheticStartMs?: number } = {}): Transcript {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ReplayInputError(`cannot read ${path}`, { path, reason: (err as Error).message });
  }
  const raw: AmiMessage[] = [];
  const parser = new AmiParser({ message: (m) => raw.push(m) }, { expectBanner: true, now: () => 0 });
  parser.push(bytes);
  const file = basename(path);
  const session = file === 'received.ami' ? 'main' : file.endsWith('-received.ami') ? file.slice(0, -'-received.ami'.length) : null;
  const timeline = join(dirname(path), 'timeline.jsonl');
  const times = session === null ? null : readTimelineTimes(timeline, session);
  if (times !== null && times.length === raw.length) {
    return { messages: raw.map((m, i) => new AmiMessage(m.fields, times[i]!)), clock: 'timeline', warning: null };
  }
  const warning = times === null ? null : `timeline.jsonl has ${times.length} messages for session ${session}, the transcript ${raw.length}; not used`;
  if (raw.some((m) => m.get('Timestamp') !== undefined && m.kind === 'event')) {
    return { messages: withTimestamps(raw), clock: 'timestamp', warning };
  }
  const start = options.syntheticStartMs ?? 0;
  return { messages: raw.map((m, i) => new AmiMessage(m.fields, start + i)), clock: 'synthetic', warning };
}

function withTimestamps(raw: readonly AmiMessage[]): AmiMessage[] {
  let last = 0;
  return raw.map((m) => {
    const ts = m.kind === 'event' ? Number.parseFloat(m.get('Timestamp') ?? '') : Number.NaN;
    if (!Number.isNaN(ts)) last = ts * 1000;
    return new AmiMessage(m.fields, last);
  });
}
