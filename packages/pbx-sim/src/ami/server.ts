import { type Server, type Socket, createServer } from 'node:net';
import type { AmiMessage } from '@amiable/ami';
import type { ResolvedConfig } from '../config.ts';
import type { PbxCore } from '../engine/core.ts';
import type { PbxEngine } from '../engine/engine.ts';
import { requestBadFormat } from './actions/auth.ts';
import { actionRegistry } from './actions/index.ts';
import type { ActionContext, ActionHandler } from './actions/types.ts';
import type { EventBus, Pairs } from './event-bus.ts';
import { ACTION_PERMS } from './permissions.ts';
import { AmiSession, type SessionHost } from './session.ts';

export const BANNER = 'Asterisk Call Manager/11.0.0';

export interface AmiServerDeps {
  config: ResolvedConfig;
  core: PbxCore;
  engine: PbxEngine;
  bus: EventBus;
}

/**
 * The AMI listener: one AmiSession per TCP connection, actions dispatched
 * with Asterisk's rules (only Login/Challenge/Logoff before login, write
 * class checks, `Invalid/unknown command` for anything else).
 */
export class AmiServer implements SessionHost {
  readonly deps: AmiServerDeps;
  readonly sessions = new Set<AmiSession>();
  /** Every session since start, in connection order (closed ones included). */
  readonly history: AmiSession[] = [];
  readonly #actions: Map<string, ActionHandler> = actionRegistry();
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #nextId = 1;

  constructor(deps: AmiServerDeps) {
    this.deps = deps;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  get maxOutputBytes(): number {
    return this.deps.config.maxOutputBytes;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        const addr = this.#server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  /** Drop every connection at once, as a crash or restart would. */
  dropAll(): void {
    for (const s of [...this.sessions]) s.destroy();
    for (const sock of this.#sockets) sock.destroy();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    const session = new AmiSession(this.#nextId++, socket, this, BANNER);
    this.sessions.add(session);
    this.history.push(session);
    this.deps.bus.subscribe(session);
  }

  closed(session: AmiSession): void {
    this.sessions.delete(session);
    this.deps.bus.unsubscribe(session);
  }

  action(session: AmiSession, msg: AmiMessage): void {
    const actionId = msg.get('ActionID');
    const name = msg.get('Action');
    if (name === undefined || name === '') {
      session.respond('Error', actionId, [['Message', 'Missing action in request']]);
      return;
    }
    const key = name.toLowerCase();
    if (!session.authenticated && key !== 'login' && key !== 'challenge' && key !== 'logoff') {
      session.respond('Error', actionId, [['Message', 'Permission denied']]);
      return;
    }
    const handler = this.#actions.get(key);
    if (!handler) {
      session.respond('Error', actionId, [
        ['Message', `Invalid/unknown command: ${name}. Use Action: ListCommands to show available commands.`],
      ]);
      // As recorded (mixmonitor-start-stop): a security-class RequestBadFormat follows the refusal.
      requestBadFormat(this.deps.core, this.deps.bus, session, name);
      return;
    }
    const need = ACTION_PERMS[key] ?? 0;
    if (need !== 0 && ((session.user?.write ?? 0) & need) === 0) {
      session.respond('Error', actionId, [['Message', 'Permission denied']]);
      return;
    }
    handler(this.#context(session, msg, actionId));
  }

  #context(session: AmiSession, msg: AmiMessage, actionId: string | undefined): ActionContext {
    const { config, core, engine, bus } = this.deps;
    let listed = 0;
    return {
      msg,
      session,
      actionId,
      engine,
      core,
      config,
      bus,
      get: (key) => msg.get(key),
      success: (message, rest = []) => {
        const pairs: Pairs = message === undefined ? [] : [['Message', message]];
        session.respond('Success', actionId, [...pairs, ...rest]);
      },
      error: (message) => session.respond('Error', actionId, [['Message', message]]),
      listStart: (message) => {
        session.respond('Success', actionId, [
          ['EventList', 'start'],
          ['Message', message],
        ]);
      },
      listItem: (event, fields, actionIdLast = false) => {
        listed++;
        const id: Pairs = actionId === undefined ? [] : [['ActionID', actionId]];
        session.send(actionIdLast ? [['Event', event], ...fields, ...id] : [['Event', event], ...id, ...fields]);
      },
      listComplete: (event, count, extra = []) => {
        const id: Pairs = actionId === undefined ? [] : [['ActionID', actionId]];
        session.send([
          ['Event', event],
          ...id,
          ['EventList', 'Complete'],
          ['ListItems', String(count || listed)],
          ...extra,
        ]);
      },
    };
  }
}
