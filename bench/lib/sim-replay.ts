import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTranscript, startReplayServer } from '@amiable/pbx-sim';
import { countMessages, TRACES_DIR } from './trace.ts';

const CRLF2 = Buffer.from('\r\n\r\n');

export interface TraceReplay {
  host: string;
  port: number;
  /** Events each connection receives after its login. */
  events: number;
  /** Sum of the event names' lengths, for the readers' checksum. */
  nameChars: number;
  bytes: number;
  copies: number;
  close(): Promise<void>;
}

/** Only the event messages of an AMI byte stream (responses dropped), byte for byte. */
export function eventsOnly(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (;;) {
    const end = body.indexOf(CRLF2, start);
    if (end === -1) break;
    if (body.toString('latin1', start, start + 6) === 'Event:') parts.push(body.subarray(start, end + 4));
    start = end + 4;
  }
  return Buffer.concat(parts);
}

/**
 * Serves a recorded scenario from the simulated PBX's replay server, as fast
 * as the socket takes it: the recorded banner, a reply to the client's Login,
 * then the scenario's events repeated until there are at least `minEvents`.
 * The recording client's own responses are left out, since they answer
 * actions this client never sent. The stream is written to a temporary
 * transcript file, removed by close().
 */
export async function startTraceReplay(scenario: string, minEvents: number): Promise<TraceReplay> {
  const recorded = loadTranscript(join(TRACES_DIR, scenario), 'main');
  const events = eventsOnly(recorded.body);
  const perCopy = countMessages(events);
  const copies = Math.ceil(minEvents / perCopy.events);
  const dir = mkdtempSync(join(tmpdir(), 'amiable-bench-'));
  const file = join(dir, 'received.ami');
  const stream = Buffer.concat(Array.from({ length: copies }, () => events));
  writeFileSync(file, Buffer.concat([Buffer.from(`${recorded.banner}\r\n`), recorded.loginResponse, stream]));
  try {
    const server = await startReplayServer({ transcript: file, pacing: 'fast' });
    return {
      host: server.host,
      port: server.port,
      events: perCopy.events * copies,
      nameChars: perCopy.nameChars * copies,
      bytes: stream.length,
      copies,
      close: async () => {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
