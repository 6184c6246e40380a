export { type AmiPortConfig, AMI_PORT_DEFAULTS, resolveAmiPortConfig } from './config.ts';
export type { AmiPortStats } from './context.ts';
export {
  AMI_PORT_CODES,
  AmiPortAuthFailedError,
  AmiPortBadRequestError,
  AmiPortChallengeUnavailableError,
  AmiPortError,
  AmiPortForbiddenError,
  AmiPortNotLoggedInError,
  AmiPortUpstreamError,
} from './errors.ts';
export { type EventFacts, extractFacts } from './event-facts.ts';
export { createEventMirror, type EventMirror, type EventMirrorOptions } from './event-mirror.ts';
export { CallTracker } from './call-tracker.ts';
export { type ClientScope, scopeOf } from './scope.ts';
export { SessionScope } from './session-scope.ts';
export { isEventVisible, type ScopeView } from './scope-filter.ts';
export { PbxStates } from './pbx-states.ts';
export type { QueueStaticParams } from './mirror-queues.ts';
export type * from './model.ts';
export type * from './ports.ts';
export { type AmiPortServer, type AmiPortServerDeps, createAmiPortServer } from './server.ts';
