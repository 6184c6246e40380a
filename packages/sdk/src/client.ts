import type { CommandArgs, CommandName, PrincipalSummary, StateSnapshot, SubscriptionFilter } from '@amiable/protocol';
import type { Session, SessionStorage } from './auth/auth-session.ts';
import type { ClientEvents } from './events.ts';
import type { FetchLike } from './http.ts';
import type { BackoffOptions } from './live/backoff.ts';
import type { ConnectionStatus } from './live/live-socket.ts';
import type { WebSocketConstructor } from './live/web-socket.ts';
import type { RestApi } from './rest/api.ts';
import type { Timers } from './timers.ts';

export interface ClientOptions {
  /** The server's base URL, e.g. `https://cti.example.com`; `''` means the page's own origin (browsers). */
  baseUrl: string;
  /** Defaults to the global `fetch` (browsers, Node.js 18+). */
  fetch?: FetchLike;
  /** Defaults to the global `WebSocket` (browsers). On Node.js 20 pass one, e.g. `import WebSocket from 'ws'`. */
  WebSocket?: WebSocketConstructor;
  /** Keeps the session across page reloads (e.g. over sessionStorage). */
  storage?: SessionStorage;
  /** Default timeout of `command()`. Default 15 s. */
  commandTimeoutMs?: number;
  /** After `mustResync`, how long to wait for the server's snapshot before fetching `GET /api/state`. Default 3 s. */
  snapshotWaitMs?: number;
  backoff?: BackoffOptions;
  helloTimeoutMs?: number;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** Injected clock and timers (tests). */
  timers?: Timers;
  random?: () => number;
}

export interface CommandOptions {
  timeoutMs?: number;
  /** `auto` (default) uses the WebSocket when it is open and REST otherwise. */
  via?: 'auto' | 'ws' | 'rest';
}

/** The client returned by `createClient()`. */
export interface CtiClient {
  /** Signs in with a username and password; the session is refreshed by itself from then on. */
  login(username: string, password: string): Promise<PrincipalSummary>;
  /** Uses an API key (integrations) for REST and the WebSocket; checks it with `GET /api/auth/me`. */
  loginWithApiKey(apiKey: string): Promise<void>;
  /** Revokes the session on the server, closes the live connection and forgets the tokens. */
  logout(options?: { everywhere?: boolean }): Promise<void>;
  /** The signed-in principal (password sessions); undefined with an API key or before login. */
  readonly user: PrincipalSummary | undefined;
  readonly session: Session | undefined;
  /** Opens the live connection (WebSocket with resume); it reconnects by itself until `disconnect()`. */
  connect(): void;
  disconnect(): void;
  readonly connection: ConnectionStatus;
  /** Narrows the live events (re-sent after every reconnect). `undefined` removes the filter. */
  subscribe(filter: SubscriptionFilter | undefined): void;
  on<K extends keyof ClientEvents>(name: K, listener: (value: ClientEvents[K]) => void): () => void;
  once<K extends keyof ClientEvents>(name: K, listener: (value: ClientEvents[K]) => void): () => void;
  off<K extends keyof ClientEvents>(name: K, listener: (value: ClientEvents[K]) => void): void;
  /** Runs a catalogue command; resolves with the server's result or rejects with a `CtiError`. */
  command<K extends CommandName>(name: K, args: CommandArgs<K>, options?: CommandOptions): Promise<unknown>;
  /** The current state (`GET /api/state`). */
  state(): Promise<StateSnapshot>;
  /** REST helpers: users, agents, skills, customers (with CSV import), reports, audit… */
  readonly api: RestApi;
  /** Disconnects and drops every listener. */
  close(): void;
}
