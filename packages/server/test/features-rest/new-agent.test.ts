/**
 * The "new agent" flow of the admin console: one request creates the user (username, password,
 * role agent) and the agent profile together, on SQLite and PostgreSQL. Before, an agent created
 * without a user got a user named after its UUID with no password, and creating the user for it
 * afterwards failed with 409 because the id was taken.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { buildRestApp, login, type RestApp } from './helpers/rest-app.ts';

describe.each<SqlDialect>(['sqlite', 'postgres'])('a new agent with a username and a password (%s)', (dialect) => {
  let fx: RestApp;
  beforeEach(async () => {
    fx = await buildRestApp({}, dialect);
  }, 60_000);
  afterEach(async () => {
    await fx?.close();
  });
  const post = (url: string, payload: object) => fx.app.inject({ method: 'POST', url, headers: fx.as.admin, payload });
  // The seeded people (the integration key's own user left aside).
  const usernames = async () =>
    (await fx.app.inject({ url: '/api/users', headers: fx.as.admin }))
      .json()
      .items.filter((u: { role: string }) => u.role !== 'integration')
      .map((u: { username: string }) => u.username)
      .sort();

  it('creates the user and the agent in one request; the agent signs in with that username and password', async () => {
    const created = await post('/api/agents', {
      name: 'Emma Clark',
      username: 'Emma',
      password: 'emma-secret-1',
      defaultExtension: '1005',
      skills: [{ skillId: 'fr', level: 60 }],
      teams: ['team-en'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const agent = created.json();
    expect(agent).toMatchObject({ name: 'Emma Clark', username: 'emma', defaultExtension: '1005', skills: [{ skillId: 'fr', level: 60 }], teams: ['team-en'] });
    expect(agent.userId).toBe(agent.id);
    expect(created.body).not.toMatch(/emma-secret-1|argon2/);

    const user = (await fx.app.inject({ url: `/api/users/${agent.id}`, headers: fx.as.admin })).json();
    expect(user).toMatchObject({ username: 'emma', displayName: 'Emma Clark', role: 'agent', agentId: agent.id });
    const token = await login(fx.app, 'emma', 'emma-secret-1');
    const me = await fx.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ role: 'agent', agentId: agent.id });
    // No user is named after an id.
    expect(await usernames()).toEqual(['alice', 'bob', 'carol', 'dave', 'emma']);
  });

  it('refuses a new agent without a username or password, naming the field, and creates nothing', async () => {
    const noName = await post('/api/agents', { name: 'Emma Clark', password: 'emma-secret-1' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details.errors[0].path).toBe('/body/username');
    const noPassword = await post('/api/agents', { name: 'Emma Clark', username: 'emma' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().details.errors[0].path).toBe('/body/password');
    expect(await usernames()).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect((await fx.app.inject({ url: '/api/agents', headers: fx.as.admin })).json().total).toBe(2);
  });

  it('a taken username is a 409 and leaves no agent behind', async () => {
    const res = await post('/api/agents', { name: 'Second Alice', username: 'ALICE', password: 'alice-two-secret' });
    expect(res.statusCode).toBe(409);
    const agents = (await fx.app.inject({ url: '/api/agents', headers: fx.as.admin })).json();
    expect(agents.items.map((a: { name: string }) => a.name)).toEqual(['Alice Martin', 'Bob Dubois']);
  });

  it('when the agent part fails after the user was written, neither remains', async () => {
    // Teams are checked inside the same transaction, after the user row is written.
    const res = await post('/api/agents', { name: 'Emma Clark', username: 'emma', password: 'emma-secret-1', teams: ['no-such-team'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0].path).toBe('/body/teams');
    expect(await usernames()).toEqual(['alice', 'bob', 'carol', 'dave']);
    await expect(login(fx.app, 'emma', 'emma-secret-1')).rejects.toThrow(/401/);
    // And the same username is free for the next attempt.
    expect((await post('/api/agents', { name: 'Emma Clark', username: 'emma', password: 'emma-secret-1' })).statusCode).toBe(201);
  });

  it('two admins creating the same username at once: one agent, one 409', async () => {
    const [a, b] = await Promise.all([
      post('/api/agents', { name: 'Emma One', username: 'emma', password: 'emma-secret-1' }),
      post('/api/agents', { name: 'Emma Two', username: 'emma', password: 'emma-secret-2' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const agents = (await fx.app.inject({ url: '/api/agents', headers: fx.as.admin })).json();
    expect(agents.total).toBe(3);
  });
});
