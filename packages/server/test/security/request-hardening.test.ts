/**
 * Smaller review findings, each over HTTP: strict body validation (no type coercion), authorization
 * before existence for every command, a token for /metrics, and audit filters applied in the query
 * (SQLite and PostgreSQL).
 */
import { COMMAND_CATALOGUE, type CommandName } from '@amiable/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditSink } from '../../src/app/audit-sink.ts';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { PASSWORD, type RestApp, buildRestApp } from '../features-rest/helpers/rest-app.ts';
import { type Fixture, buildFixture } from '../gateway/helpers/fixture.ts';

let fx: Fixture | undefined;
let rest: RestApp | undefined;
afterEach(async () => {
  await fx?.app.close();
  await rest?.close();
  fx = undefined;
  rest = undefined;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function tokenOf(app: Fixture['app'], username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return res.json().accessToken as string;
}

describe('strict request validation', () => {
  it('refuses login bodies of the wrong types instead of coercing them, naming the field', async () => {
    fx = await buildFixture();
    for (const [payload, field] of [
      [{ username: ['alice'], password: PASSWORD }, '/body/username'],
      [{ username: 'alice', password: [PASSWORD] }, '/body/password'],
      [{ username: 'alice', password: 12345678 }, '/body/password'],
      [{ username: true, password: PASSWORD }, '/body/username'],
    ] as const) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('CTI_ERR_VALIDATION');
      expect(res.json().details.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect(fx.audit.entries().filter((e) => e.action === 'auth.login' && e.ok)).toHaveLength(0);
  });

  it('refuses a command body with a number where a string belongs', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/commands/agent.pause',
      headers: bearer(await tokenOf(fx.app, 'alice')),
      payload: { reason: 42 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CTI_ERR_VALIDATION');
  });
});

describe('authorization before existence', () => {
  const callCommands = (Object.keys(COMMAND_CATALOGUE) as CommandName[]).filter((n) => COMMAND_CATALOGUE[n].targetArgs.call);

  it('answers 403, never 404, to an agent naming a call that does not exist, for every call command', async () => {
    expect(callCommands).toContain('recording.start');
    fx = await buildFixture();
    const alice = bearer(await tokenOf(fx.app, 'alice'));
    for (const name of callCommands) {
      const def = COMMAND_CATALOGUE[name];
      const args = { ...(def.example as Record<string, unknown>), [def.targetArgs.call!]: '999.9' };
      const res = await fx.app.inject({ method: 'POST', url: `/api/commands/${name}`, headers: alice, payload: args });
      expect([name, res.statusCode, res.json().code]).toEqual([name, 403, 'CTI_ERR_FORBIDDEN']);
    }
  });

  it('tells an admin, who may act on any call, that the call does not exist', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/commands/recording.start',
      headers: bearer(await tokenOf(fx.app, 'dave')),
      payload: { callId: '999.9' },
    });
    expect([res.statusCode, res.json().code]).toEqual([404, 'CTI_ERR_NOT_FOUND']);
  });
});

describe('the metrics endpoint', () => {
  it('requires the configured token, and stays open when none is configured', async () => {
    fx = await buildFixture({ config: { tokenSecret: 'x'.repeat(32), metricsToken: 'scrape-token-0123456789' } });
    expect((await fx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await fx.app.inject({ method: 'GET', url: '/metrics', headers: bearer('scrape-token-wrong-0000') })).statusCode).toBe(401);
    const ok = await fx.app.inject({ method: 'GET', url: '/metrics', headers: bearer('scrape-token-0123456789') });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('# HELP');
    await fx.app.close();
    fx = await buildFixture();
    expect((await fx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});

const dialects: SqlDialect[] = ['sqlite', 'postgres'];
describe.each(dialects)('audit filters on %s', (dialect) => {
  it('filters by username in the query: right pages and totals even when other users fill the log', async () => {
    rest = await buildRestApp({}, dialect, { auditSink: createAuditSink });
    const base = Date.parse('2026-03-02T09:00:00Z');
    for (let i = 0; i < 5; i++) {
      await rest.repos.audit.append({ at: base + i * 1000, username: 'mallory', channel: 'rest', command: 'auth.login', result: 'error' });
    }
    const noise = Array.from({ length: 150 }, (_, i) =>
      rest!.repos.audit.append({ at: base + 10_000 + i, username: `user-${i}`, channel: 'rest', command: 'auth.login', result: 'error' }),
    );
    await Promise.all(noise);
    const page = async (query: string) => {
      const res = await rest!.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: rest!.as.admin });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { username: string }[]; total: number };
    };
    const first = await page('username=mallory&limit=2');
    expect(first.total).toBe(5);
    expect(first.items.map((e) => e.username)).toEqual(['mallory', 'mallory']);
    const last = await page('username=mallory&limit=2&offset=4');
    expect(last.items).toHaveLength(1);
    expect((await page('username=mallory&limit=100&offset=0&ok=false')).total).toBe(5);
    expect((await page('limit=10')).total).toBeGreaterThanOrEqual(155);
  });
});
