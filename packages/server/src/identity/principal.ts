import type { Role } from '@amiable/protocol';
import type { ApiKeyRecord, UserRecord } from './ports.ts';

/** Who is calling, and what they may see and act on. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** The caller's own agent, if they are one. */
  agentId?: string;
  extensions: readonly string[];
  queues: readonly string[];
  /** Other agents in reach: a supervisor's team members, an integration's configured agents. */
  agents: readonly string[];
  teams: readonly string[];
  /** The login session (refresh-token family) the credentials belong to; absent for API keys. */
  sessionId?: string;
  /** How the caller authenticated. */
  via: 'token' | 'api-key';
}

export function principalFromUser(user: UserRecord, sessionId?: string): Principal {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    ...(user.agentId ? { agentId: user.agentId } : {}),
    extensions: [...user.extensions],
    queues: [...user.queues],
    agents: [...user.agents],
    teams: [...user.teams],
    ...(sessionId ? { sessionId } : {}),
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
    via: 'api-key',
  };
}
