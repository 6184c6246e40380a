/**
 * The gateway with the feature routes on a real, migrated SQLite database in a temporary
 * directory, seeded with a small contact centre: an admin, two agents (English and French), an
 * English-queue supervisor, an integration key scoped to the English queue, customers, finished
 * calls and a timesheet.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateSnapshot } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { featureRoutes, type FeatureRoutesDeps } from '../../../src/features/rest/index.ts';
import { createIdentityStores } from '../../../src/app/identity-stores.ts';
import { buildGatewayApp, createMemoryAuditSink, type GatewayDeps } from '../../../src/gateway/index.ts';
import { hashPassword } from '../../../src/identity/index.ts';
import { createDatabase, type DatabaseHandle, type SqlDialect } from '../../../src/persistence/database.ts';
import { migrateToLatest } from '../../../src/persistence/migrations/index.ts';
import type { CallRecordInput } from '../../../src/persistence/repositories/call-records.ts';
import { createRepositories, type Repositories } from '../../../src/persistence/repositories/index.ts';

export const TEST_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery';
/** The seeded calls and timesheet all happen on this day (UTC). */
export const DAY = '2026-03-02';
export const FROM = `${DAY}T00:00:00.000Z`;
export const TO = '2026-03-03T00:00:00.000Z';
const at = (time: string) => Date.parse(`${DAY}T${time}Z`);

export interface RestApp {
  app: FastifyInstance;
  repos: Repositories;
  handle: DatabaseHandle;
  audit: ReturnType<typeof createMemoryAuditSink>;
  /** Users the `onUserDisabled` hook was called for. */
  disabled: string[];
  /** Authorization headers: admin (dave), agent (alice), supervisor (carol), integration API key. */
  as: { admin: Headers; agent: Headers; supervisor: Headers; integration: Headers };
  integrationKey: string;
  customers: { jane: string; pierre: string };
  state: { current: StateSnapshot };
  close(): Promise<void>;
}
type Headers = Record<string, string>;

export const PG_URL = process.env.AMIABLE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function buildRestApp(
  overrides: Partial<FeatureRoutesDeps> = {},
  dialect: SqlDialect = 'sqlite',
  gateway: Pick<Partial<GatewayDeps>, 'commands' | 'config'> & { auditSink?: (repos: Repositories) => GatewayDeps['audit'] } = {},
): Promise<RestApp> {
  const { handle, cleanup } = await openDatabase(dialect);
  await migrateToLatest(handle);
  const repos = createRepositories({ db: handle.db, dialect: handle.dialect, defaultCountry: 'US' });
  const seeded = await seed(repos);
  const identity = createIdentityStores(handle.db, repos, (err, message) => console.error(message, err));
  const audit = createMemoryAuditSink();
  const disabled: string[] = [];
  const state = {
    current: {
      at: `${DAY}T09:00:00.000Z`,
      pbx: [{ pbx: 'main', state: 'ready', since: `${DAY}T08:00:00.000Z` }],
      agents: [],
      queues: [],
      calls: [],
    } as StateSnapshot,
  };
  const app = await buildGatewayApp({
    config: { tokenSecret: 'rest-test-secret-rest-test-secret!!', passwordHashing: TEST_HASHING, ...gateway.config },
    ...identity,
    audit: gateway.auditSink?.(repos) ?? audit,
    state: { snapshot: () => state.current },
    commands: gateway.commands ?? {},
    routes: featureRoutes({
      repos,
      db: handle,
      defaultCountry: 'US',
      hooks: { onUserDisabled: (id) => void disabled.push(id) },
      ...overrides,
    }),
  });
  const token = async (username: string) => ({ authorization: `Bearer ${await login(app, username)}` });
  const admin = await token('dave');
  const created = await app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: admin,
    payload: { name: 'CRM connector', scope: { agents: ['u-alice'], extensions: ['1001'], queues: ['lang-en'] } },
  });
  if (created.statusCode !== 201) throw new Error(`cannot create the integration key: ${created.body}`);
  const integrationKey = created.json().key as string;
  return {
    app,
    repos,
    handle,
    audit,
    disabled,
    as: { admin, agent: await token('alice'), supervisor: await token('carol'), integration: { 'x-api-key': integrationKey } },
    integrationKey,
    customers: seeded.customers,
    state,
    async close() {
      await app.close();
      await handle.close();
      await cleanup();
    },
  };
}

/** SQLite in a temporary directory, or a uniquely named PostgreSQL schema dropped afterwards. */
async function openDatabase(dialect: SqlDialect): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'amiable-rest-'));
    const handle = await createDatabase({ driver: 'sqlite', file: join(dir, 'amiable.db') });
    return { handle, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `amiable_rest_${randomBytes(6).toString('hex')}`;
  const handle = await createDatabase({ driver: 'postgres', url: PG_URL, schema, poolSize: 4 });
  const cleanup = async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { handle, cleanup };
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json().accessToken as string;
}

async function seed(repos: Repositories) {
  const passwordHash = await hashPassword(PASSWORD, TEST_HASHING);
  const user = (id: string, username: string, displayName: string, role: 'agent' | 'supervisor' | 'admin') =>
    repos.users.create({ id, username, displayName, role, passwordHash });
  await user('u-dave', 'dave', 'Dave Admin', 'admin');
  await user('u-alice', 'alice', 'Alice Martin', 'agent');
  await user('u-bob', 'bob', 'Bob Dubois', 'agent');
  await user('u-carol', 'carol', 'Carol Supervisor', 'supervisor');
  await repos.agents.upsert('u-alice', { pbx: 'main', defaultExtension: '1001' });
  await repos.agents.upsert('u-bob', { pbx: 'main', defaultExtension: '1002' });
  const en = await repos.skills.create({ id: 'en', name: 'en', label: 'English', kind: 'language' });
  const fr = await repos.skills.create({ id: 'fr', name: 'fr', label: 'French', kind: 'language' });
  await repos.skills.setSkillQueues(en.id, [{ pbx: 'main', queue: 'lang-en', basePenalty: 0, penaltyStep: 1 }]);
  await repos.skills.setSkillQueues(fr.id, [{ pbx: 'main', queue: 'lang-fr', basePenalty: 0, penaltyStep: 1 }]);
  await repos.skills.setAgentSkills('u-alice', [{ skillId: 'en', proficiency: 5 }]);
  await repos.skills.setAgentSkills('u-bob', [{ skillId: 'fr', proficiency: 4 }]);
  await repos.teams.create({ id: 'team-en', name: 'English team' });
  await repos.teams.setMembers('team-en', ['u-alice']);
  await repos.userScopes.replace('u-carol', [
    { kind: 'team', value: 'team-en' },
    { kind: 'queue', value: 'lang-en' },
  ]);
  await repos.pauseReasons.create({ code: 'lunch', label: 'Lunch', paid: false, maxSeconds: 3600 });

  const jane = await repos.customers.create({ name: 'Jane Customer', numbers: ['+15551234567'], language: 'en' });
  const pierre = await repos.customers.create({ name: 'Pierre Martin', numbers: ['+33612345678'], language: 'fr' });

  const call = (c: Partial<CallRecordInput> & Pick<CallRecordInput, 'linkedid' | 'outcome' | 'startedAt'>): CallRecordInput => ({
    pbx: 'main',
    direction: 'inbound',
    ...c,
  });
  await repos.callRecords.upsertMany([
    call({
      linkedid: '1772442300.1',
      queue: 'lang-en',
      callerNumber: '+15551234567',
      customerId: jane.id,
      outcome: 'answered',
      answeredBy: '1001',
      answeredAgentId: 'u-alice',
      startedAt: at('09:05:00'),
      answeredAt: at('09:05:05'),
      endedAt: at('09:06:05'),
      waitSeconds: 5,
      talkSeconds: 60,
      wrapupSeconds: 10,
    }),
    call({ linkedid: '1772443200.2', queue: 'lang-en', callerNumber: '+15559876543', outcome: 'abandoned', startedAt: at('09:20:00'), endedAt: at('09:20:30'), waitSeconds: 30 }),
    call({
      linkedid: '1772445000.3',
      queue: 'lang-en',
      callerNumber: '+15552345678',
      outcome: 'answered',
      answeredBy: '1001',
      answeredAgentId: 'u-alice',
      startedAt: at('10:10:00'),
      answeredAt: at('10:10:25'),
      endedAt: at('10:12:25'),
      waitSeconds: 25,
      talkSeconds: 120,
    }),
    call({
      linkedid: '1772447400.4',
      queue: 'lang-fr',
      callerNumber: '+33612345678',
      customerId: pierre.id,
      outcome: 'answered',
      answeredBy: '1002',
      answeredAgentId: 'u-bob',
      startedAt: at('10:30:00'),
      answeredAt: at('10:30:03'),
      endedAt: at('10:31:33'),
      waitSeconds: 3,
      talkSeconds: 90,
      hangupCause: '16',
    }),
    call({ linkedid: '1772449200.5', queue: 'lang-fr', callerNumber: '+33698765432', outcome: 'abandoned', startedAt: at('11:00:00'), endedAt: at('11:00:10'), waitSeconds: 10 }),
  ]);

  // Alice: signed in 09:00-12:00; ready, a call, lunch pause 10:30-11:00, ready again.
  const session = await repos.timesheet.openSession({ agentId: 'u-alice', pbx: 'main', extension: '1001', at: at('09:00:00') });
  const state = (s: 'ready' | 'on-call' | 'wrap-up' | 'paused', time: string, reason?: string) =>
    repos.timesheet.changeState({ agentId: 'u-alice', sessionId: session.id, pbx: 'main', extension: '1001', state: s, reason: reason ?? null, at: at(time) });
  await state('ready', '09:00:00');
  await state('on-call', '09:05:05');
  await state('wrap-up', '09:06:05');
  await state('ready', '09:06:15');
  await state('paused', '10:30:00', 'lunch');
  await state('ready', '11:00:00');
  await repos.timesheet.closeSession(session.id, { at: at('12:00:00'), reason: 'logout' });
  return { customers: { jane: jane.id, pierre: pierre.id } };
}
