import { existsSync, readFileSync } from 'node:fs';
import { AmiParser } from '@amiable/ami';

interface TimelineEntry {
  readonly t: number;
  readonly conn?: string;
  readonly dir: string;
  readonly text: string;
}

/**
 * Receive times (epoch ms) of the messages one session received, in order,
 * from a `timeline.jsonl` (`{t, conn, dir, text}` per line). An entry's text
 * may hold a banner, one message or several; each message takes the entry's
 * time. Returns null when the file is missing or names no such session.
 */
export function readTimelineTimes(path: string, session: string): number[] | null {
  if (!existsSync(path)) return null;
  const times: number[] = [];
  let current = 0;
  let seen = false;
  const parser = new AmiParser({ message: () => times.push(current) }, { expectBanner: true, now: () => current });
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let entry: TimelineEntry;
    try {
      entry = JSON.parse(line) as TimelineEntry;
    } catch {
      return null;
    }
    if ((entry.conn ?? 'main') !== session || (entry.dir !== 'in' && entry.dir !== 'recv')) continue;
    seen = true;
    current = entry.t * 1000;
    parser.push(Buffer.from(entry.text, 'utf8'));
  }
  return seen ? times : null;
}
