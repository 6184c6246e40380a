import type { Role } from '@amiable/protocol';
import type { ApiKeyRecord, UserRecord } from './ports.ts';
import type { Watch } from './reach.ts';

/** Who is calling, and what they may see and act on. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** The caller's own agent, if they are one. */
  agentId?: string;
  /** Extensions the caller may act on: the desks an agent may sign in at, a supervisor's or integration's scope. */
  extensions: readonly string[];
  queues: readonly string[];
  /** Other agents in reach: a supervisor's team members, an integration's configured agents. */
  agents: readonly string[];
  teams: readonly string[];
  /**
   * What the caller's events and snapshots show, per PBX. An agent watches no desk here: they
   * see the desk they sit at now (the router asks the live state) and their own agent id.
   * Absent: `extensions` and `queues` on every PBX.
   */
  watch?: Watch;
  /** The login session (refresh-token family) the credentials belong to; absent for API keys. */
  sessionId?: string;
  /** When the access token was issued (epoch ms); absent for API keys. */
  issuedAt?: number;
  /** The API key used, and the integration user it belongs to; absent for tokens. */
  apiKey?: { id: string; ownerId: string };
  /** How the caller authenticated. */
  via: 'token' | 'api-key';
}

export function principalFromUser(user: UserRecord, sessionId?: string, issuedAt?: number): Principal {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    ...(user.agentId ? { agentId: user.agentId } : {}),
    extensions: [...user.extensions],
    queues: [...user.queues],
    // Other agents are in reach of supervisors and admins only: a demoted supervisor keeps no team.
    agents: user.role === 'agent' ? [] : [...user.agents],
    teams: [...user.teams],
    ...(user.watch ? { watch: user.watch } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(issuedAt === undefined ? {} : { issuedAt }),
    via: 'token',
  };
}

/** API keys identify integrations: role `integration`, scoped to the configured agents, extensions and queues. */
export function principalFromApiKey(key: ApiKeyRecord): Principal {
  return {
    userId: `apikey:${key.id}`,
    username: key.name,
    role: 'integration',
    extensions: [...key.scope.extensions],
    queues: [...key.scope.queues],
    agents: [...key.scope.agents],
    teams: [],
    ...(key.watch ? { watch: key.watch } : {}),
    apiKey: { id: key.id, ownerId: key.userId },
    via: 'api-key',
  };
}
