import { createRequire } from 'node:module';
import type { FakeSocket } from '../fake-socket.ts';
import { type AmiReader, countEvent, newTally, readObjectHeaders } from './reader.ts';

const require = createRequire(import.meta.url);

/** The parts of asterisk-ami-client 1.1.5's untyped API that the benchmarks use. */
interface AmiClientEvent {
  Event: string;
  [key: string]: unknown;
}
interface AmiClient {
  on(name: 'event', listener: (event: AmiClientEvent) => void): this;
  connect(user: string, secret: string, options: object): Promise<unknown>;
  _connector: { connect: (user: string, secret: string, options: object) => Promise<unknown> };
}
type AmiClientClass = new (options?: object) => AmiClient;
type AmiConnectionClass = new (socket: FakeSocket) => unknown;

const clientPath = require.resolve('asterisk-ami-client');
const AmiClientCtor = require(clientPath) as AmiClientClass;
// The connection class as the client itself resolves it (same copy of the connector package).
const AmiConnectionCtor = createRequire(clientPath)('asterisk-ami-connector/lib/AmiConnection.js') as AmiConnectionClass;

/**
 * asterisk-ami-client reading from `socket`. Only the connector's TCP dial and
 * login are skipped: the client gets a real `AmiConnection` around the socket,
 * so bytes flow through the library's own pipe, events stream, parser and
 * event emitter exactly as after a successful login. The application reads
 * every header of every event.
 */
export async function asteriskAmiClientReader(socket: FakeSocket): Promise<AmiReader> {
  const client = new AmiClientCtor({ reconnect: false, keepAlive: false });
  client._connector = { connect: () => Promise.resolve(new AmiConnectionCtor(socket)) };
  const tally = newTally();
  await client.connect('bench', 'bench', {});
  client.on('event', (event) => {
    countEvent(tally, event.Event);
    readObjectHeaders(tally, event);
  });
  return {
    label: 'asterisk-ami-client',
    tally,
    // Not client.disconnect(): it schedules an unbound removeAllListeners call that throws.
    close: () => {
      socket.destroy();
    },
  };
}
