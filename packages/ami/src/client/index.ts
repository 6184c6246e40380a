export type { AmiClient, AmiConnectOptions, AmiOriginateOptions, AmiOriginateResult, AmiSendOptions } from './api.ts';
export { backoffDelay, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.ts';
export { type AmiBanner, parseBanner } from './banner.ts';
export { createAmiClient } from './client.ts';
export type { AmiEventListener, AmiEventMeta } from './event-dispatcher.ts';
export type { AmiEventIteratorOptions } from './event-iterator.ts';
export { DEFAULT_KEEPALIVE, type KeepaliveOptions } from './keepalive.ts';
export { type AmiAuthMethod, type AmiCredentials, type AmiEventMask, eventMaskHeader, md5Key } from './login.ts';
export type { AmiClientOptions, AmiConnectionInfo, AmiReconnectOptions } from './options.ts';
export type { AmiListResult } from './pending-actions.ts';
export {
  AMI_CLIENT_TRANSITIONS,
  type AmiClientState,
  type AmiStatusChange,
} from './state-machine.ts';
