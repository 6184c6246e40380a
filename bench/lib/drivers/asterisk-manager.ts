import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { FakeSocket } from '../fake-socket.ts';
import { newTally, type AmiReader } from './reader.ts';

const require = createRequire(import.meta.url);

/** The parts of asterisk-manager 0.2.0's untyped API that the benchmarks use. */
interface ManagerEvent {
  event: string;
  [key: string]: unknown;
}
export interface Manager {
  on(name: 'managerevent', listener: (event: ManagerEvent) => void): void;
  on(name: string, listener: (...args: unknown[]) => void): void;
  connect(port: number, host: string, callback?: () => void): void;
  login(callback?: (err?: unknown) => void): void;
  disconnect(callback?: () => void): void;
  isConnected(): boolean;
}
type ManagerFactory = (port?: number, host?: string, username?: string, password?: string, events?: boolean) => Manager;

const createManager = require('asterisk-manager') as ManagerFactory;
const net = require('node:net') as { createConnection: (...args: unknown[]) => Socket };

function countEvents(manager: Manager): AmiReader['tally'] {
  const tally = newTally();
  manager.on('managerevent', (event) => {
    tally.events++;
    tally.nameChars += event.event.length;
  });
  return tally;
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
  const tally = countEvents(manager);
  return {
    label: 'asterisk-manager',
    tally,
    close: () => socket.removeAllListeners('data'),
  };
}

/** asterisk-manager connected and logged in over real TCP, as applications use it. */
export function asteriskManagerTcpReader(opts: {
  port: number;
  host: string;
  username: string;
  secret: string;
}): Promise<AmiReader> {
  return new Promise((resolve, reject) => {
    const manager = createManager(opts.port, opts.host, opts.username, opts.secret, true);
    const tally = countEvents(manager);
    const onError = (err: unknown): void => reject(err instanceof Error ? err : new Error(String(err)));
    manager.on('error', onError);
    manager.on('response', () => {});
    // The library has no "logged in" event: its login callback is internal, so poll for the connection.
    const started = Date.now();
    const poll = setInterval(() => {
      if (manager.isConnected()) {
        clearInterval(poll);
        resolve({ label: 'asterisk-manager', tally, close: () => manager.disconnect() });
      } else if (Date.now() - started > 5000) {
        clearInterval(poll);
        reject(new Error('asterisk-manager did not connect within 5 s'));
      }
    }, 5);
  });
}
