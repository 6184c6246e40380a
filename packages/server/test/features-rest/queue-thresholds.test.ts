/**
 * Per-queue thresholds and wrap-up on the Queues page: the service-level target (seconds and
 * percent) and the longest-wait alert are stored per queue (SQLite and PostgreSQL) and reach the
 * wallboard in `/api/state` (and `queue.stats`); the wrap-up is the queue's row of the wrap-up policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { buildRestApp, type RestApp } from './helpers/rest-app.ts';

describe.each<SqlDialect>(['sqlite', 'postgres'])('queue thresholds and wrap-up over REST (%s)', (dialect) => {
  let fx: RestApp;
  beforeAll(async () => {
    fx = await buildRestApp({}, dialect);
  }, 60_000);
  afterAll(async () => {
    await fx?.close();
  });
  const patch = (queue: string, payload: object) => fx.app.inject({ method: 'PATCH', url: `/api/queues/${queue}`, headers: fx.as.admin, payload });
  const wrapupQueues = async () => (await fx.app.inject({ url: '/api/settings/wrapup', headers: fx.as.admin })).json().queues;

  it('lists defaults for a queue without settings', async () => {
    const list = (await fx.app.inject({ url: '/api/queues', headers: fx.as.admin })).json();
    expect(list.items.find((q: { queue: string }) => q.queue === 'lang-fr')).toEqual({
      queue: 'lang-fr',
      language: null,
      popupUrlTemplate: null,
      serviceLevelSeconds: 20,
      displayName: null,
      serviceLevelTargetPercent: 80,
      longestWaitAlertSeconds: 90,
      wrapupMode: 'default',
      wrapupSeconds: null,
    });
  });

  it('stores the thresholds and the wrap-up of one queue, shared with the wrap-up policy', async () => {
    const res = await patch('lang-en', { serviceLevelSeconds: 30, serviceLevelTargetPercent: 90, longestWaitAlertSeconds: 45, wrapupMode: 'timeout', wrapupSeconds: 15 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ serviceLevelSeconds: 30, serviceLevelTargetPercent: 90, longestWaitAlertSeconds: 45, wrapupMode: 'timeout', wrapupSeconds: 15 });
    expect(await wrapupQueues()).toEqual([{ queue: 'lang-en', seconds: 15 }]);
    expect(await fx.repos.wrapupPolicy.resolve({ pbx: 'main', queue: 'lang-en' })).toEqual({ seconds: 15, mode: 'timeout', source: 'queue' });

    expect((await patch('lang-en', { wrapupMode: 'manual' })).json()).toMatchObject({ wrapupMode: 'manual', wrapupSeconds: null, longestWaitAlertSeconds: 45 });
    expect(await wrapupQueues()).toEqual([{ queue: 'lang-en', seconds: null }]);
    expect((await patch('lang-en', { wrapupMode: 'default' })).json()).toMatchObject({ wrapupMode: 'default', wrapupSeconds: null });
    expect(await wrapupQueues()).toEqual([]);
  });

  it('refuses out-of-range thresholds and a fixed wrap-up without seconds, naming the field', async () => {
    for (const [body, path] of [
      [{ serviceLevelTargetPercent: 0 }, '/body/serviceLevelTargetPercent'],
      [{ serviceLevelTargetPercent: 101 }, '/body/serviceLevelTargetPercent'],
      [{ longestWaitAlertSeconds: 0 }, '/body/longestWaitAlertSeconds'],
      [{ wrapupMode: 'timeout' }, '/body/wrapupSeconds'],
    ] as const) {
      const res = await patch('lang-fr', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.errors[0].path).toBe(path);
    }
  });
});

describe('queue thresholds on the wallboard state', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('serves each queue\'s serviceLevelTargetPercent and longestWaitAlertSeconds in /api/state once saved', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`, 'content-type': 'application/json' };
    type Q = { queue: string; serviceLevelSeconds: number; serviceLevelTargetPercent: number; longestWaitAlertSeconds: number };
    const support = async () => ((await (await fetch(`${server.url}/api/state`, { headers: auth })).json()) as { queues: Q[] }).queues.find((q) => q.queue === 'support');
    expect(await support()).toMatchObject({ serviceLevelSeconds: 20, serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90 });
    const saved = await fetch(`${server.url}/api/queues/support`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ serviceLevelSeconds: 15, serviceLevelTargetPercent: 95, longestWaitAlertSeconds: 40 }),
    });
    expect(saved.status).toBe(200);
    expect(await support()).toMatchObject({ serviceLevelSeconds: 15, serviceLevelTargetPercent: 95, longestWaitAlertSeconds: 40 });
  });
});
