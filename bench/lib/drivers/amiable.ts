import { AmiParser } from '@amiable/ami';
import type { FakeSocket } from '../fake-socket.ts';
import { countEvent, newTally, type AmiReader } from './reader.ts';

/** Our codec on a socket's 'data' events, as the AMI client wires it. */
export function amiableReader(socket: FakeSocket): AmiReader {
  const tally = newTally();
  const parser = new AmiParser({
    message(m) {
      if (m.event !== undefined) countEvent(tally, m.event);
    },
  });
  const onData = (chunk: Buffer): void => parser.push(chunk);
  socket.on('data', onData);
  return {
    label: 'amiable',
    tally,
    close: () => {
      socket.off('data', onData);
    },
  };
}
