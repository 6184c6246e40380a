import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/persistence/database.ts';
import { DatabaseConfigError } from '../../src/persistence/errors.ts';
import { migrateDownAll, migrateToLatest, migrationsFor } from '../../src/persistence/migrations/index.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

const TABLES = [
  'users', 'user_scopes', 'teams', 'team_members', 'api_keys', 'refresh_tokens', 'agents', 'skills',
  'agent_skills', 'skill_queues', 'workstations', 'pause_reasons', 'wrapup_policies', 'queue_settings',
  'customers', 'customer_numbers', 'agent_sessions', 'agent_state_intervals', 'call_records',
  'ami_events', 'cti_events', 'audit_log', 'settings',
];

describe.each(dialects)('migrations on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates every table on first start', async () => {
    const tables = await t.handle.db.introspection.getTables();
    const names = tables.filter((x) => t.handle.schema === undefined || x.schema === t.handle.schema).map((x) => x.name);
    for (const table of TABLES) expect(names).toContain(table);
  });

  it('applies nothing when the server starts again on a current schema', async () => {
    const again = await migrateToLatest(t.handle);
    expect(again.applied).toEqual([]);
    const third = await migrateToLatest(t.handle);
    expect(third.applied).toEqual([]);
  });

  it('keeps data across a restart that re-runs migrations', async () => {
    await t.repos.users.create({ username: 'ada', displayName: 'Ada', role: 'agent' });
    await migrateToLatest(t.handle);
    expect(await t.repos.users.getByUsername('ada')).toMatchObject({ displayName: 'Ada' });
  });

  it('reverts everything and re-applies the full list', async () => {
    await migrateDownAll(t.handle);
    const after = await t.handle.db.introspection.getTables();
    const left = after.filter((x) => t.handle.schema === undefined || x.schema === t.handle.schema).map((x) => x.name);
    expect(left.filter((n) => TABLES.includes(n))).toEqual([]);
    const report = await migrateToLatest(t.handle);
    expect(report.applied).toEqual(Object.keys(migrationsFor(dialect)));
  });

  it('stores epoch milliseconds and counts as numbers, not strings', async () => {
    const at = Date.UTC(2030, 0, 1);
    t.clock.now = at;
    const user = await t.repos.users.create({ username: 'grace', displayName: 'Grace', role: 'admin' });
    const row = await t.handle.db.selectFrom('users').select(['created_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    const count = await sql<{ n: number }>`select count(*) as n from users`.execute(t.handle.db);
    expect(typeof count.rows[0]!.n).toBe('number');
  });
});

describe('database configuration', () => {
  it('rejects an unknown driver and an unsafe PostgreSQL schema name', async () => {
    await expect(createDatabase({ driver: 'mysql' } as never)).rejects.toBeInstanceOf(DatabaseConfigError);
    await expect(createDatabase({ driver: 'postgres', url: 'postgres://x@127.0.0.1/test', schema: 'a; drop' })).rejects.toMatchObject({
      code: 'CTI_ERR_DB_CONFIG',
    });
  });

  it('opens SQLite in WAL mode', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'amiable-wal-'));
    const handle = await createDatabase({ driver: 'sqlite', file: join(dir, 'x.db') });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
