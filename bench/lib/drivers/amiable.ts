import { AmiParser } from '@amiable/ami';
import type { FakeSocket } from '../fake-socket.ts';
import { countEvent, newTally, readObjectHeaders, type AmiReader } from './reader.ts';

/**
 * Our codec on a socket's 'data' events, as the AMI client wires it. The application reads
 * every header of every event through the public API: `message.fields`, the ordered
 * `[key, value, ...]` list that `get()`, `getAll()` and `pairs()` read.
 */
export function amiableReader(socket: FakeSocket): AmiReader {
  const tally = newTally();
  const parser = new AmiParser({
    message(m) {
      if (m.event === undefined) return;
      countEvent(tally, m.event);
      const fields = m.fields;
      let chars = 0;
      for (let i = 0; i < fields.length; i += 2) chars += fields[i]!.length + fields[i + 1]!.length;
      tally.headers! += fields.length >> 1;
      tally.headerChars! += chars;
    },
  });
  return attach(socket, parser, tally, 'amiable');
}

/**
 * The same codec, but the application turns each event into a plain object with
 * `toObject()` and reads that, the shape the other libraries deliver. It shows what the
 * object costs; it is not how the server reads events.
 */
export function amiableObjectReader(socket: FakeSocket): AmiReader {
  const tally = newTally();
  const parser = new AmiParser({
    message(m) {
      if (m.event === undefined) return;
      countEvent(tally, m.event);
      readObjectHeaders(tally, m.toObject());
    },
  });
  return attach(socket, parser, tally, 'amiable (objects)');
}

function attach(socket: FakeSocket, parser: AmiParser, tally: AmiReader['tally'], label: string): AmiReader {
  const onData = (chunk: Buffer): void => parser.push(chunk);
  socket.on('data', onData);
  return {
    label,
    tally,
    close: () => {
      socket.off('data', onData);
    },
  };
}
