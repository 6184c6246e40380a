import type { ClientSession } from './client-session.ts';
import type { AmiPortConfig } from './config.ts';
import type { AmiPortModel } from './model.ts';
import type { OriginateRoutes } from './originate-routes.ts';
import type { PbxStates } from './pbx-states.ts';
import type {
  AmiPortAudit,
  AmiPortCredentials,
  AmiPortDeps,
  AmiPortLogger,
  AmiPortPrincipalWatch,
  AmiPortSeats,
  AmiPortUpstream,
} from './ports.ts';

export interface AmiPortStats {
  /** Open connections, logged in or not. */
  connections: number;
  /** Logged-in clients. */
  clients: number;
  /** Clients cut off because they did not read fast enough. */
  droppedSlowClients: number;
  /** Clients disconnected because the upstream AMI connection was lost (they would miss events). */
  droppedUpstreamLost: number;
  eventsDelivered: number;
  actionsForwarded: number;
  actionsRefused: number;
}

/** Everything the session handlers share; built once by `createAmiPortServer`. */
export interface PortContext {
  config: Readonly<AmiPortConfig>;
  credentials: AmiPortCredentials;
  principals: AmiPortPrincipalWatch | undefined;
  upstream: AmiPortUpstream;
  audit: AmiPortAudit;
  logger: AmiPortLogger;
  now: () => number;
  model: AmiPortModel;
  pbx: PbxStates;
  routes: OriginateRoutes<ClientSession>;
  sessions: Set<ClientSession>;
  pauseReasons: AmiPortDeps['pauseReasons'];
  readyGate: AmiPortDeps['readyGate'];
  seats: AmiPortSeats | undefined;
  stats: Omit<AmiPortStats, 'connections' | 'clients'>;
}
