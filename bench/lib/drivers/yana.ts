import { createRequire } from 'node:module';
import type { FakeSocket } from '../fake-socket.ts';
import { type AmiReader, countEvent, newTally, readObjectHeaders } from './reader.ts';

const require = createRequire(import.meta.url);

/** The parts of yana 0.3.0's untyped API that the benchmark uses. */
interface YanaEvent {
  Event: string;
  [key: string]: unknown;
}
interface Yana {
  socket: unknown;
  on(name: 'event', listener: (event: YanaEvent) => void): this;
  _setupMessageBuffering(): void;
}
type YanaClass = new (options: object) => Yana;
interface LineSocketClass {
  prototype: { _setupLineProcessing(this: FakeSocket): void };
}

const yanaPath = require.resolve('yana');
const YanaCtor = require(yanaPath) as YanaClass;
const LineSocket = createRequire(yanaPath)('./line-socket.js') as LineSocketClass;

/**
 * yana reading from `socket`. Its `LineSocket` is a `net.Socket` subclass that it dials
 * itself, so the library's own line splitter is installed on the fake socket instead, and the
 * message buffering it sets up after the banner is started directly: bytes then go through
 * yana's line splitting, header parsing and event emitter, as after a successful login. The
 * application reads every header of every event.
 */
export function yanaReader(socket: FakeSocket): AmiReader {
  const ami = new YanaCtor({ reconnect: false });
  LineSocket.prototype._setupLineProcessing.call(socket);
  ami.socket = socket;
  ami._setupMessageBuffering();
  const tally = newTally();
  ami.on('event', (event) => {
    countEvent(tally, event.Event);
    readObjectHeaders(tally, event);
  });
  return {
    label: 'yana',
    tally,
    close: () => {
      socket.removeAllListeners('data');
      socket.removeAllListeners('line');
    },
  };
}
