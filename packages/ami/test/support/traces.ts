import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiMessage, AmiParser } from '../../src/index.ts';

/** The recorded Asterisk 22 transcripts, in the repository's fixtures. */
export const TRACES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../test/fixtures/ami-traces');

export interface TraceFile {
  scenario: string;
  /** `received.ami`, `second-received.ami`, `sent.ami`, ... */
  name: string;
  path: string;
  /** Bytes from Asterisk (banner first) or bytes sent to it (no banner). */
  direction: 'received' | 'sent';
}

/** Every *.ami file of every scenario. */
export function listTraceFiles(): TraceFile[] {
  const out: TraceFile[] = [];
  for (const scenario of readdirSync(TRACES_DIR).sort()) {
    const dir = join(TRACES_DIR, scenario);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.ami')) continue;
      out.push({ scenario, name, path: join(dir, name), direction: name.endsWith('received.ami') ? 'received' : 'sent' });
    }
  }
  return out;
}

export function readTraceBytes(scenario: string, name = 'received.ami'): Buffer {
  return readFileSync(join(TRACES_DIR, scenario, name));
}

/** Parse a whole transcript at once. */
export function parseTrace(bytes: Buffer, expectBanner: boolean): { banner: string | undefined; messages: AmiMessage[] } {
  const messages: AmiMessage[] = [];
  let banner: string | undefined;
  const parser = new AmiParser({ message: (m) => messages.push(m), banner: (b) => (banner = b) }, { expectBanner });
  parser.push(bytes);
  return { banner, messages };
}

/** The messages of a transcript that answer the action with `actionId` (response, list items, Complete). */
export function repliesTo(messages: readonly AmiMessage[], actionId: string): AmiMessage[] {
  return messages.filter((m) => m.get('ActionID') === actionId);
}

/** A copy of `message` with its ActionID replaced (header position kept). */
export function withActionId(message: AmiMessage, actionId: string): Array<[string, string]> {
  return message.pairs().map(([k, v]) => [k, k.toLowerCase() === 'actionid' ? actionId : v]);
}

export function message(pairs: Array<[string, string]>): AmiMessage {
  return new AmiMessage(pairs.flat());
}
