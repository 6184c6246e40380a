export { ClientStream } from './client-stream.ts';
export { type ConnectResult, createRouter, type Router, type RouterDeps } from './router.ts';
export {
  type ClientTransport,
  type ConnectRequest,
  DEFAULT_ROUTER_OPTIONS,
  type EventHistory,
  type EventSink,
  type PublishedEvent,
  type RouterMetrics,
  type RouterOptions,
} from './types.ts';
export type { LiveReach } from './live-reach.ts';
export { compileViewer, pbxKey, type Viewer, viewerSees } from './viewer.ts';
