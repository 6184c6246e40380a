import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The recorded transcripts, as copied into the repository. */
export const TRACES_DIR = fileURLToPath(new URL('../../test/fixtures/ami-traces/', import.meta.url));

const CRLF2 = Buffer.from('\r\n\r\n');
const BANNER = 'Asterisk Call Manager/';

/** The bytes Asterisk sent in `<scenario>`, without the one-line banner. */
export function loadTraceBody(scenario: string): Buffer {
  const raw = readFileSync(`${TRACES_DIR}${scenario}/received.ami`);
  if (!raw.subarray(0, BANNER.length).equals(Buffer.from(BANNER))) {
    throw new Error(`${scenario}/received.ami does not start with the AMI banner`);
  }
  const nl = raw.indexOf(10);
  const body = raw.subarray(nl + 1);
  if (!body.subarray(body.length - 4).equals(CRLF2)) {
    throw new Error(`${scenario}/received.ami does not end with a complete message`);
  }
  return body;
}

export interface MessageCount {
  messages: number;
  events: number;
  /** Sum of the lengths of the event names, to check that readers decoded them. */
  nameChars: number;
  /** Header lines of the events, and the sum of their key and value lengths. */
  headers: number;
  headerChars: number;
  /** The same with each value trimmed of surrounding blanks, as asterisk-ami-client delivers them. */
  headerCharsTrimmed: number;
}

/**
 * Counts messages and events with a deliberately naive splitter (CRLF CRLF,
 * first header `Event:`), independent of every library under test, so that
 * each library's own count can be checked against it. Valid for transcripts
 * that use CRLF line ends throughout, which the recorded ones do.
 */
export function countMessages(body: Buffer): MessageCount {
  let messages = 0;
  let events = 0;
  let nameChars = 0;
  let headers = 0;
  let headerChars = 0;
  let headerCharsTrimmed = 0;
  let start = 0;
  for (;;) {
    const end = body.indexOf(CRLF2, start);
    if (end === -1) break;
    if (end > start) {
      messages++;
      if (body.toString('latin1', start, start + 6) === 'Event:') {
        events++;
        const eol = body.indexOf('\r\n', start);
        nameChars += body.toString('utf8', start + 6, eol).trim().length;
        for (const line of body.toString('utf8', start, end).split('\r\n')) {
          const colon = line.indexOf(':');
          if (colon === -1) throw new Error(`a header line without a colon: ${JSON.stringify(line)}`);
          const value = line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
          headers++;
          headerChars += colon + value.length;
          headerCharsTrimmed += colon + value.trim().length;
        }
      }
    }
    start = end + 4;
  }
  return { messages, events, nameChars, headers, headerChars, headerCharsTrimmed };
}

export interface ReplayStream {
  /** The transcript body repeated `copies` times and cut into fixed-size chunks. */
  chunks: Buffer[];
  copies: number;
  bytes: number;
  messages: number;
  events: number;
  nameChars: number;
  headers: number;
  headerChars: number;
  headerCharsTrimmed: number;
  chunkBytes: number;
}

/** Repeats `body` until it holds at least `minEvents` events, then cuts it into chunks. */
export function buildReplay(body: Buffer, minEvents: number, chunkBytes: number): ReplayStream {
  const perCopy = countMessages(body);
  if (perCopy.events === 0) throw new Error('the transcript holds no events');
  const copies = Math.ceil(minEvents / perCopy.events);
  const all = Buffer.allocUnsafe(body.length * copies);
  for (let i = 0; i < copies; i++) body.copy(all, i * body.length);
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length; at += chunkBytes) chunks.push(all.subarray(at, at + chunkBytes));
  return {
    chunks,
    copies,
    bytes: all.length,
    messages: perCopy.messages * copies,
    events: perCopy.events * copies,
    nameChars: perCopy.nameChars * copies,
    headers: perCopy.headers * copies,
    headerChars: perCopy.headerChars * copies,
    headerCharsTrimmed: perCopy.headerCharsTrimmed * copies,
    chunkBytes,
  };
}
