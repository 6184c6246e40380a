import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { FakeSocket } from '../fake-socket.ts';
import { type AmiReader, countEvent, type LiveTally, newTally, readObjectHeaders } from './reader.ts';

const require = createRequire(import.meta.url);

/** The parts of asterisk-manager 0.2.0's untyped API that the benchmarks use. */
interface ManagerEvent {
  event: string;
  [key: string]: unknown;
}
interface Manager {
  on(name: 'managerevent', listener: (event: ManagerEvent) => void): void;
  on(name: string, listener: (...args: unknown[]) => void): void;
  connect(port: number, host: string, callback?: () => void): void;
  disconnect(callback?: () => void): void;
}
type ManagerFactory = (port?: number, host?: string, username?: string, password?: string, events?: boolean) => Manager;

const createManager = require('asterisk-manager') as ManagerFactory;
const net = require('node:net') as { createConnection: (...args: unknown[]) => Socket };

function countInto(manager: Manager, tally: LiveTally): void {
  manager.on('managerevent', (event) => countEvent(tally, event.event));
}

/**
 * asterisk-manager reading from `socket`. The library opens its own
 * connection with `net.createConnection`, so that one call is redirected to
 * the fake socket while `connect()` runs; everything after that (setEncoding,
 * the 'data' handler, its parser and event dispatch) is the library's own code.
 */
export function asteriskManagerReader(socket: FakeSocket): AmiReader {
  const manager = createManager();
  const original = net.createConnection;
  net.createConnection = () => socket as unknown as Socket;
  try {
    manager.connect(5038, '127.0.0.1');
  } finally {
    net.createConnection = original;
  }
  const tally = newTally();
  // Every header of every event, as the library delivers it (lower-cased keys).
  manager.on('managerevent', (event) => {
    countEvent(tally, event.event);
    readObjectHeaders(tally, event);
  });
  return {
    label: 'asterisk-manager',
    tally,
    close: () => {
      socket.removeAllListeners('data');
    },
  };
}

/**
 * asterisk-manager over real TCP, as applications use it: the constructor
 * connects and logs in with `Events: on`. Counting starts at once.
 */
export function asteriskManagerTcpReader(target: TcpTarget, tally: LiveTally): AmiReader {
  const manager = createManager(target.port, target.host, target.username, target.secret, true);
  countInto(manager, tally);
  return {
    label: 'asterisk-manager',
    tally,
    close: () => new Promise<void>((resolve) => manager.disconnect(() => resolve())),
  };
}

export interface TcpTarget {
  host: string;
  port: number;
  username: string;
  secret: string;
}
