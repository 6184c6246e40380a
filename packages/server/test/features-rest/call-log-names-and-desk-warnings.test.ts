/**
 * The admin console shows names, never ids: the call log carries the agent's name and filters on
 * part of it in SQL, any case; workstations carry warnings about shared IPs and overlapping blocks.
 * Both on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { buildRestApp, type RestApp } from './helpers/rest-app.ts';

describe.each<SqlDialect>(['sqlite', 'postgres'])('names in the call log and desk warnings (%s)', (dialect) => {
  let fx: RestApp;
  beforeAll(async () => {
    fx = await buildRestApp({}, dialect);
  }, 60_000);
  afterAll(async () => {
    await fx?.close();
  });
  const calls = async (query: string) => (await fx.app.inject({ url: `/api/calls?${query}`, headers: fx.as.admin })).json();

  it('finds "Alice" by name or username, any case, and names the agent on each call', async () => {
    for (const name of ['Alice', 'alice', 'ALI', 'martin', 'Alice Martin']) {
      const page = await calls(`agentName=${encodeURIComponent(name)}`);
      expect(page.total, name).toBe(2);
      expect(page.items.map((c: { agentName: string }) => c.agentName)).toEqual(['Alice Martin', 'Alice Martin']);
    }
    expect((await calls('agentName=dubois')).items).toEqual([expect.objectContaining({ agentId: 'u-bob', agentName: 'Bob Dubois', queue: 'lang-fr' })]);
    expect((await calls('agentName=nobody')).total).toBe(0);
    // Wildcards typed by a person are literal.
    expect((await calls('agentName=%25')).total).toBe(0);
    expect((await calls('agentName=_')).total).toBe(0);
    // Unanswered calls have no agent name; the filter combines with the others.
    const all = await calls('');
    expect(all.items.filter((c: { agentName: string | null }) => c.agentName === null)).toHaveLength(2);
    expect((await calls('agentName=alice&outcome=abandoned')).total).toBe(0);
  });

  it('keeps the name filter within the caller\'s reach', async () => {
    // The supervisor manages the English team and queue: Bob's French calls stay out of reach.
    const res = await fx.app.inject({ url: '/api/calls?agentName=bob', headers: fx.as.supervisor });
    expect(res.json().total).toBe(0);
  });

  it('warns about desks sharing an IP and blocks overlapping, on every answer', async () => {
    const post = (payload: object) => fx.app.inject({ method: 'POST', url: '/api/workstations', headers: fx.as.admin, payload });
    const first = await post({ name: 'Desk 21', extension: '1021', ip: '10.0.0.21' });
    expect(first.json().warnings).toEqual([]);
    const twin = await post({ name: 'Desk 22', extension: '1022', ip: '10.0.0.21' });
    expect(twin.statusCode).toBe(201);
    expect(twin.json().warnings).toEqual([{ code: 'same-ip', otherId: first.json().id, otherName: 'Desk 21', otherIp: '10.0.0.21' }]);
    const floor = await post({ name: 'Floor 0', extension: '1000', ip: '10.0.0.0/24' });
    expect(floor.json().warnings.map((w: { code: string; otherName: string }) => `${w.code} ${w.otherName}`)).toEqual([
      'overlapping-ip Desk 21',
      'overlapping-ip Desk 22',
    ]);
    const lab = await post({ name: 'Lab', extension: '1090', ip: '2001:db8:aa::/48' });
    const labDesk = await post({ name: 'Lab desk', extension: '1091', ip: '2001:db8:aa::15' });
    expect(labDesk.json().warnings).toEqual([expect.objectContaining({ code: 'overlapping-ip', otherName: 'Lab' })]);

    const list = (await fx.app.inject({ url: '/api/workstations', headers: fx.as.admin })).json();
    const byName = Object.fromEntries(list.items.map((w: { name: string; warnings: { otherName: string }[] }) => [w.name, w.warnings.map((x) => x.otherName)]));
    expect(byName).toEqual({
      'Desk 21': ['Desk 22', 'Floor 0'],
      'Desk 22': ['Desk 21', 'Floor 0'],
      'Floor 0': ['Desk 21', 'Desk 22'],
      Lab: ['Lab desk'],
      'Lab desk': ['Lab'],
    });

    // Moving the twin elsewhere clears its warnings and those that named it.
    const moved = await fx.app.inject({ method: 'PATCH', url: `/api/workstations/${twin.json().id}`, headers: fx.as.admin, payload: { ip: '10.9.0.22' } });
    expect(moved.json().warnings).toEqual([]);
    const desk21 = (await fx.app.inject({ url: `/api/workstations/${first.json().id}`, headers: fx.as.admin })).json();
    expect(desk21.warnings.map((w: { otherName: string }) => w.otherName)).toEqual(['Floor 0']);
    expect(lab.json().warnings).toEqual([]);
  });
});
