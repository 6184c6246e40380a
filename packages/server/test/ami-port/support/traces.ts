import { readFileSync } from 'node:fs';
import { AmiMessage, AmiParser } from '@amiable/ami';
import { extractFacts } from '../../../src/ami-port/event-facts.ts';
import { PbxStates } from '../../../src/ami-port/pbx-states.ts';
import type { AmiPortPrincipal } from '../../../src/ami-port/ports.ts';
import { scopeOf } from '../../../src/ami-port/scope.ts';
import { isEventVisible } from '../../../src/ami-port/scope-filter.ts';

const TRACES = new URL('../../../../../test/fixtures/ami-traces/', import.meta.url);

/** Every message Asterisk sent in a recorded scenario, in order (banner excluded). */
export function loadTrace(scenario: string, file = 'received.ami'): AmiMessage[] {
  const bytes = readFileSync(new URL(`${scenario}/${file}`, TRACES));
  const out: AmiMessage[] = [];
  let t = 1_795_671_600_000;
  const parser = new AmiParser({ message: (m) => out.push(m) }, { expectBanner: true, now: () => t });
  // Feed line-sized chunks with an advancing clock so receivedAt is monotonic.
  for (let i = 0; i < bytes.length; i += 512) {
    parser.push(bytes.subarray(i, i + 512));
    t += 1;
  }
  return out;
}

/** The events only (responses are answers to the recording client's own actions). */
export function loadEvents(scenario: string, file?: string): AmiMessage[] {
  return loadTrace(scenario, file).filter((m) => m.kind === 'event');
}

export function principal(overrides: Partial<AmiPortPrincipal>): AmiPortPrincipal {
  return { userId: 'u1', username: 'agent', role: 'agent', extensions: [], queues: [], agents: [], ...overrides };
}

/** Replays events through the tracker and filter exactly as the fan-out does; returns [index, event] delivered. */
export function replay(events: readonly AmiMessage[], who: AmiPortPrincipal, pattern = /^[0-9]+$/): Array<[number, AmiMessage]> {
  const pbx = new PbxStates(pattern);
  const scope = scopeOf(who);
  const delivered: Array<[number, AmiMessage]> = [];
  events.forEach((msg, i) => {
    const facts = extractFacts(msg);
    const view = pbx.apply('pbx1', msg, facts);
    if (isEventVisible(facts, scope, view)) delivered.push([i, msg]);
  });
  return delivered;
}

/** A message from header pairs. */
export function msg(...pairs: Array<[string, string]>): AmiMessage {
  return new AmiMessage(pairs.flat());
}

/** Every header value and key of a message, joined, for "mentions" assertions. */
export function text(m: AmiMessage): string {
  return m.fields.join('\n');
}

interface TimelineRow {
  t: number;
  conn: string;
  dir: 'in' | 'out';
  text: string;
}

/** What one connection of a scenario received, up to (not including) time `before` (epoch seconds). */
export function loadTimeline(scenario: string, conn: string, before = Infinity): AmiMessage[] {
  const rows = readFileSync(new URL(`${scenario}/timeline.jsonl`, TRACES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TimelineRow);
  const out: AmiMessage[] = [];
  let now = 0;
  const parser = new AmiParser({ message: (m) => out.push(m) }, { expectBanner: true, now: () => now });
  for (const row of rows) {
    if (row.conn !== conn || row.dir !== 'in' || row.t >= before) continue;
    now = Math.round(row.t * 1000);
    parser.push(Buffer.from(row.text, 'utf8'));
  }
  return out;
}

/** When a connection of a scenario received its first bytes (epoch seconds). */
export function connectionStart(scenario: string, conn: string): number {
  const line = readFileSync(new URL(`${scenario}/timeline.jsonl`, TRACES), 'utf8')
    .split('\n')
    .find((l) => l.includes(`"conn": "${conn}"`) || l.includes(`"conn":"${conn}"`));
  if (line === undefined) throw new Error(`no connection ${conn} in ${scenario}`);
  return (JSON.parse(line) as TimelineRow).t;
}
