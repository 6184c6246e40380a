export { createClient } from './create-client.ts';
export type { ClientOptions, CommandOptions, CtiClient } from './client.ts';
export type { AnyDeliveredEvent, ClientEventName, ClientEvents, DeliveredEvent, ResyncNotice, SnapshotNotice } from './events.ts';
export {
  CtiClosedError,
  CtiDisconnectedError,
  CtiError,
  CtiNetworkError,
  CtiNotAuthenticatedError,
  CtiNoWebSocketError,
  CtiProtocolError,
  CtiServerError,
  CtiTimeoutError,
} from './errors.ts';
export type { ApiKeySession, Session, SessionStorage, StoredSession } from './auth/auth-session.ts';
export { browserSessionStorage } from './auth/browser-storage.ts';
export type { FetchLike } from './http.ts';
export { type BackoffOptions, reconnectDelay } from './live/backoff.ts';
export type { ConnectionState, ConnectionStatus } from './live/live-socket.ts';
export type { WebSocketConstructor, WebSocketLike } from './live/web-socket.ts';
export type { RestApi } from './rest/api.ts';
export type { CustomersApi, CustomerQuery, ImportOptions } from './rest/customers.ts';
export type { DispositionsApi } from './rest/dispositions.ts';
export type { WebhooksApi } from './rest/webhooks.ts';
export type { Resource } from './rest/resource.ts';
export type { Timers } from './timers.ts';
export type { ResumePoint, Welcome } from './wire/frames.ts';
export type {
  CustomerImportReport,
  DemoInfo,
  ImportMode,
  ImportRejectedRow,
  SignInContext,
  SystemStatus,
  WrapupPolicy,
} from './wire/extra-types.ts';
