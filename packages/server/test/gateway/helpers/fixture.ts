import type { StateSnapshot } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { buildGatewayApp, type CommandHandlers, createMemoryAuditSink, type GatewayDeps } from '../../../src/gateway/index.ts';
import {
  type ApiKeyRecord,
  createMemoryApiKeyStore,
  createMemoryRefreshTokenStore,
  createMemoryUserStore,
  hashPassword,
  sha256,
  type UserRecord,
} from '../../../src/identity/index.ts';

/** Cheap argon2id costs so tests stay fast; production uses the library defaults. */
export const TEST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery';
export const INTEGRATION_KEY = 'amk_test_integration_key_for_crm';

const hashed = hashPassword(PASSWORD, TEST_HASHING);

async function user(partial: Partial<UserRecord> & Pick<UserRecord, 'id' | 'username' | 'role'>): Promise<UserRecord> {
  return {
    displayName: partial.username,
    disabled: false,
    passwordHash: await hashed,
    agentId: null,
    extensions: [],
    queues: [],
    agents: [],
    teams: [],
    tokensValidAfter: null,
    ...partial,
  };
}

/** The people of the test contact centre. */
export async function testUsers(): Promise<UserRecord[]> {
  return Promise.all([
    user({ id: 'u-alice', username: 'alice', role: 'agent', agentId: 'agent-1001', extensions: ['1001'], queues: ['lang-en'] }),
    user({ id: 'u-bob', username: 'bob', role: 'agent', agentId: 'agent-1002', extensions: ['1002'], queues: ['lang-fr'] }),
    user({
      id: 'u-carol',
      username: 'carol',
      role: 'supervisor',
      agentId: 'agent-1009',
      extensions: ['1009'],
      queues: ['lang-en'],
      agents: ['agent-1001'],
      teams: ['team-en'],
    }),
    user({ id: 'u-dave', username: 'dave', role: 'admin' }),
    user({ id: 'u-erin', username: 'erin', role: 'agent', agentId: 'agent-1003', extensions: ['1003'], disabled: true }),
  ]);
}

export const INTEGRATION: ApiKeyRecord = {
  id: 'crm',
  userId: 'u-crm',
  name: 'crm-connector',
  hash: sha256(INTEGRATION_KEY),
  disabled: false,
  scope: { agents: ['agent-1001'], extensions: ['1001'], queues: ['lang-en'] },
};

export function emptyState(): StateSnapshot {
  return { at: '2025-01-01T09:00:00.000Z', pbx: [{ pbx: 'pbx1', state: 'ready', since: '2025-01-01T08:00:00.000Z' }], agents: [], queues: [], calls: [] };
}

export interface Fixture {
  app: FastifyInstance;
  users: ReturnType<typeof createMemoryUserStore>;
  audit: ReturnType<typeof createMemoryAuditSink>;
  state: { current: StateSnapshot };
  calls: { name: string; principal: string; args: unknown }[];
}

/** A gateway with in-memory stores and handlers that record what they were asked to do. */
export async function buildFixture(overrides: Partial<GatewayDeps> = {}): Promise<Fixture> {
  const users = createMemoryUserStore(await testUsers());
  const audit = createMemoryAuditSink();
  const state = { current: emptyState() };
  const calls: Fixture['calls'] = [];
  const handlers: CommandHandlers = {};
  for (const name of ['agent.signIn', 'agent.ready', 'agent.pause', 'agent.signOut', 'call.hangup', 'call.originate', 'call.transfer', 'supervisor.listen', 'supervisor.forcePause', 'queue.join'] as const) {
    handlers[name] = async (principal, args) => {
      calls.push({ name, principal: principal.username, args });
      return { done: name };
    };
  }
  const app = await buildGatewayApp({
    config: { tokenSecret: 'test-secret-test-secret-test-secret!', passwordHashing: TEST_HASHING, ...overrides.config },
    users,
    refreshTokens: createMemoryRefreshTokenStore(),
    apiKeys: createMemoryApiKeyStore([INTEGRATION]),
    audit,
    state: { snapshot: () => state.current },
    commands: handlers,
    ...overrides,
  });
  return { app, users, audit, state, calls };
}

/** Logs in through the REST API and returns the token pair. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json() as { accessToken: string; refreshToken: string };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
