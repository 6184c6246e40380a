import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of asterisk-manager 0.2.0's untyped API these tests use. Response keys are lower-cased. */
export interface Manager {
  on(event: 'managerevent', listener: (event: Record<string, string>) => void): void;
  on(event: 'close' | 'error', listener: (arg?: unknown) => void): void;
  action(
    action: Record<string, string>,
    callback: (err: Record<string, string> | undefined | null, res: Record<string, string>) => void,
  ): string;
  disconnect(): void;
}
type ManagerFactory = (port: number, host: string, username: string, password: string, events: boolean) => Manager;
export const createManager = require('asterisk-manager') as ManagerFactory;

/** asterisk-manager's callback API as a promise: resolves with the response, errors included. */
export function managerAction(manager: Manager, action: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve) => manager.action(action, (err, res) => resolve(err ?? res)));
}

/** The parts of asterisk-ami-client 1.1.5's untyped API these tests use. */
export interface AmiClient {
  connect(user: string, secret: string, options: { host: string; port: number }): Promise<unknown>;
  on(event: 'event', listener: (event: Record<string, string>) => void): this;
  action(message: Record<string, string>, promisable: true): Promise<Record<string, string>>;
  disconnect(): void;
}
export const AmiClientClass = require('asterisk-ami-client') as new (options?: object) => AmiClient;
