import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRestApp, login, type RestApp } from './helpers/rest-app.ts';

let fx: RestApp;
beforeEach(async () => {
  fx = await buildRestApp();
});
afterEach(async () => {
  await fx.close();
});

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
  fx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('users', () => {
  it('creates a user with a password that can then sign in, and never returns a password hash', async () => {
    const created = await req('POST', '/api/users', fx.as.admin, {
      username: 'Emma',
      password: 'emma-secret-1',
      displayName: 'Emma Clark',
      role: 'agent',
      agentId: 'agent-emma',
      teams: ['team-en'],
      queues: ['lang-en'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'agent-emma',
      username: 'emma',
      displayName: 'Emma Clark',
      role: 'agent',
      disabled: false,
      agentId: 'agent-emma',
      teams: ['team-en'],
      queues: ['lang-en'],
    });
    expect(created.body).not.toMatch(/argon2|password/i);

    const token = await login(fx.app, 'emma', 'emma-secret-1');
    const me = await fx.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ userId: 'agent-emma', role: 'agent', agentId: 'agent-emma', queues: ['lang-en'] });

    const list = await req('GET', '/api/users?limit=2&offset=1', fx.as.admin);
    expect(list.json().total).toBe(6);
    expect(list.json().items).toHaveLength(2);
    expect(list.body).not.toMatch(/argon2/);
  });

  it('changes a password so that only the new one signs in', async () => {
    const res = await req('PATCH', '/api/users/u-bob', fx.as.admin, { password: 'bob-new-password' });
    expect(res.statusCode).toBe(200);
    await expect(login(fx.app, 'bob')).rejects.toThrow(/401/);
    await expect(login(fx.app, 'bob', 'bob-new-password')).resolves.toBeTypeOf('string');
  });

  it('disabling a user ends their sessions, calls the disabled hook and stops them signing in', async () => {
    const bob = { authorization: `Bearer ${await login(fx.app, 'bob')}` };
    expect((await req('GET', '/api/skills', bob)).statusCode).toBe(200);

    const res = await req('PATCH', '/api/users/u-bob', fx.as.admin, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect(fx.disabled).toEqual(['u-bob']);

    const after = await req('GET', '/api/skills', bob);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    const again = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'correct horse battery' } });
    expect(again.json().code).toBe('CTI_ERR_USER_DISABLED');

    // Editing an already disabled user does not fire the hook again.
    await req('PATCH', '/api/users/u-bob', fx.as.admin, { displayName: 'Bob D.' });
    expect(fx.disabled).toEqual(['u-bob']);
  });

  it('deleting a user calls the disabled hook and removes their agent profile', async () => {
    expect((await req('DELETE', '/api/users/u-bob', fx.as.admin)).statusCode).toBe(204);
    expect(fx.disabled).toEqual(['u-bob']);
    expect((await req('GET', '/api/agents/u-bob', fx.as.admin)).statusCode).toBe(404);
    expect((await req('DELETE', '/api/users/u-bob', fx.as.admin)).json().code).toBe('CTI_ERR_NOT_FOUND');
  });

  it('refuses a duplicate username with a conflict and an agent id other than the user id', async () => {
    const dup = await req('POST', '/api/users', fx.as.admin, { username: 'ALICE', password: 'long enough', displayName: 'A', role: 'agent' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CTI_ERR_CONFLICT');
    const other = await req('PATCH', '/api/users/u-bob', fx.as.admin, { agentId: 'someone-else' });
    expect(other.statusCode).toBe(400);
    expect(other.json().details.errors[0].path).toBe('/body/agentId');
  });

  it("shows a supervisor's managed teams and makes the user an agent or not through agentId", async () => {
    const carol = (await req('GET', '/api/users/u-carol', fx.as.admin)).json();
    expect(carol).toMatchObject({ role: 'supervisor', teams: ['team-en'], queues: ['lang-en'], agentId: null });
    const made = await req('PATCH', '/api/users/u-carol', fx.as.admin, { agentId: 'u-carol' });
    expect(made.json().agentId).toBe('u-carol');
    expect((await req('GET', '/api/agents/u-carol', fx.as.admin)).json()).toMatchObject({ id: 'u-carol', name: 'Carol Supervisor' });
    const unmade = await req('PATCH', '/api/users/u-carol', fx.as.admin, { agentId: null });
    expect(unmade.json().agentId).toBeNull();
  });
});

describe('agents', () => {
  it('creates an agent with skills, teams and allowed extensions, and the agent user it needs', async () => {
    const created = await req('POST', '/api/agents', fx.as.admin, {
      id: 'agent-1005',
      name: 'Emma Clark',
      userId: null,
      username: 'emma',
      password: 'emma-secret-1',
      defaultExtension: '1005',
      extensions: ['1006'],
      teams: ['team-en'],
      skills: [
        { skillId: 'en', level: 80 },
        { skillId: 'fr', level: 40 },
      ],
      wrapupSeconds: null,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: 'agent-1005',
      name: 'Emma Clark',
      username: 'emma',
      userId: 'agent-1005',
      defaultExtension: '1005',
      extensions: ['1006'],
      teams: ['team-en'],
      skills: [
        { skillId: 'en', level: 80 },
        { skillId: 'fr', level: 40 },
      ],
      wrapupSeconds: null,
    });
    const user = (await req('GET', '/api/users/agent-1005', fx.as.admin)).json();
    expect(user).toMatchObject({ role: 'agent', agentId: 'agent-1005', displayName: 'Emma Clark' });
    // The skills put the agent in both language queues.
    expect(await fx.repos.skills.queuesForAgent('agent-1005')).toEqual([
      expect.objectContaining({ queue: 'lang-en', penalty: 1 }),
      expect.objectContaining({ queue: 'lang-fr', penalty: 3 }),
    ]);
  });

  it('turns an existing user into an agent, edits the profile and removes it', async () => {
    const created = await req('POST', '/api/agents', fx.as.admin, { name: 'Carol S.', userId: 'u-carol', defaultExtension: '1009' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'u-carol', userId: 'u-carol', defaultExtension: '1009', skills: [], wrapupSeconds: null });
    expect((await req('POST', '/api/agents', fx.as.admin, { name: 'Again', userId: 'u-carol' })).statusCode).toBe(409);

    const edited = await req('PATCH', '/api/agents/u-carol', fx.as.admin, { wrapupSeconds: 0, skills: [{ skillId: 'en', level: 100 }] });
    expect(edited.json()).toMatchObject({ wrapupSeconds: 0, skills: [{ skillId: 'en', level: 100 }], defaultExtension: '1009' });
    const list = await req('GET', '/api/agents', fx.as.agent);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual(['u-alice', 'u-bob', 'u-carol']);

    expect((await req('DELETE', '/api/agents/u-carol', fx.as.admin)).statusCode).toBe(204);
    expect((await req('GET', '/api/users/u-carol', fx.as.admin)).json().agentId).toBeNull();
  });

  it('refuses unknown skills and teams, naming the field', async () => {
    const res = await req('POST', '/api/agents', fx.as.admin, { name: 'X', username: 'x', password: 'x-password', skills: [{ skillId: 'klingon', level: 50 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0]).toMatchObject({ path: '/body/skills' });
    const team = await req('PATCH', '/api/agents/u-alice', fx.as.admin, { teams: ['no-such-team'] });
    expect(team.statusCode).toBe(400);
  });
});

describe('skills and the skill to queue map', () => {
  it('manages skills with their language, and maps a skill onto a queue with a penalty and a screen-pop URL', async () => {
    const skill = await req('POST', '/api/skills', fx.as.admin, { id: 'ar', name: 'Arabic', language: 'ar' });
    expect(skill.json()).toEqual({ id: 'ar', name: 'Arabic', language: 'ar' });
    const plain = await req('POST', '/api/skills', fx.as.admin, { id: '', name: 'Technical support' });
    expect(plain.json()).toMatchObject({ name: 'Technical support', language: null });
    expect(plain.json().id).not.toBe('');

    const map = await req('POST', '/api/skill-queues', fx.as.admin, {
      skillId: 'ar',
      queue: 'lang-ar',
      penalty: 2,
      popupUrlTemplate: 'https://crm.example/search?phone={callerNumber}',
    });
    expect(map.statusCode).toBe(201);
    expect(map.json()).toEqual({ id: 'ar:lang-ar', skillId: 'ar', queue: 'lang-ar', penalty: 2, popupUrlTemplate: 'https://crm.example/search?phone={callerNumber}' });
    expect((await req('POST', '/api/skill-queues', fx.as.admin, { skillId: 'ar', queue: 'lang-ar' })).statusCode).toBe(409);

    const queue = (await req('GET', '/api/queues/lang-ar', fx.as.admin)).json();
    expect(queue.popupUrlTemplate).toBe('https://crm.example/search?phone={callerNumber}');

    const moved = await req('PATCH', '/api/skill-queues/ar:lang-ar', fx.as.admin, { queue: 'support', penalty: 5 });
    expect(moved.json()).toMatchObject({ id: 'ar:support', queue: 'support', penalty: 5 });
    expect((await req('GET', '/api/skill-queues/ar:lang-ar', fx.as.admin)).statusCode).toBe(404);
    const all = (await req('GET', '/api/skill-queues', fx.as.agent)).json();
    expect(all.items.map((m: { id: string }) => m.id).sort()).toEqual(['ar:support', 'en:lang-en', 'fr:lang-fr']);

    expect((await req('DELETE', '/api/skill-queues/ar:support', fx.as.admin)).statusCode).toBe(204);
    const renamed = await req('PATCH', '/api/skills/ar', fx.as.admin, { name: 'Arabic (MSA)' });
    expect(renamed.json()).toEqual({ id: 'ar', name: 'Arabic (MSA)', language: 'ar' });
    expect((await req('DELETE', '/api/skills/ar', fx.as.admin)).statusCode).toBe(204);
  });
});

describe('workstations, pause reasons, teams and queues', () => {
  it('maps a MAC, an IP or a CIDR block to an extension and refuses malformed blocks', async () => {
    const desk = await req('POST', '/api/workstations', fx.as.admin, { name: 'Desk 12', extension: '1012', mac: '00-11-22-AA-BB-CC', ip: null });
    expect(desk.json()).toMatchObject({ name: 'Desk 12', extension: '1012', mac: '00:11:22:aa:bb:cc', ip: null });
    const floor = await req('POST', '/api/workstations', fx.as.admin, { name: 'Floor 2', extension: '1020', ip: '10.1.2.0/24' });
    expect(floor.json()).toMatchObject({ ip: '10.1.2.0/24', mac: null });
    expect((await fx.repos.workstations.matchWorkstation({ ip: '10.1.2.77' }))?.extension).toBe('1020');

    const bad = await req('POST', '/api/workstations', fx.as.admin, { name: 'Bad', extension: '1030', ip: '10.1.2.0/40' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CTI_ERR_VALIDATION', details: { errors: [{ path: '/body/ip' }] } });
    const edited = await req('PATCH', `/api/workstations/${desk.json().id}`, fx.as.admin, { extension: '1013' });
    expect(edited.json().extension).toBe('1013');
  });

  it('keeps "no limit" as null, retires and reactivates pause reasons', async () => {
    const created = await req('POST', '/api/pause-reasons', fx.as.admin, { code: 'training', label: 'Training', paid: true, maxSeconds: null, active: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'training', paid: true, maxSeconds: null, active: true });
    const id = created.json().id;
    expect((await req('PATCH', `/api/pause-reasons/${id}`, fx.as.admin, { active: false })).json().active).toBe(false);
    const list = (await req('GET', '/api/pause-reasons', fx.as.agent)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ code: 'lunch', active: true, maxSeconds: 3600 }),
      expect.objectContaining({ code: 'training', active: false }),
    ]);
    expect((await req('PATCH', `/api/pause-reasons/${id}`, fx.as.admin, { maxSeconds: 600, active: true })).json()).toMatchObject({
      maxSeconds: 600,
      active: true,
    });
    const zero = await req('PATCH', `/api/pause-reasons/${id}`, fx.as.admin, { maxSeconds: 0 });
    expect(zero.statusCode).toBe(400);
    expect((await req('POST', '/api/pause-reasons', fx.as.admin, { code: 'lunch', label: 'Lunch again' })).statusCode).toBe(409);
  });

  it('names the supervisors of a team through their team scope', async () => {
    const team = await req('POST', '/api/teams', fx.as.admin, { name: 'French team', supervisorIds: ['u-carol'] });
    expect(team.json()).toMatchObject({ name: 'French team', supervisorIds: ['u-carol'] });
    const carol = (await req('GET', '/api/users/u-carol', fx.as.admin)).json();
    expect(carol.teams.sort()).toEqual([team.json().id, 'team-en'].sort());
    const none = await req('PATCH', `/api/teams/${team.json().id}`, fx.as.admin, { supervisorIds: [] });
    expect(none.json().supervisorIds).toEqual([]);
    expect((await req('GET', '/api/users/u-carol', fx.as.admin)).json().teams).toEqual(['team-en']);
    expect((await req('GET', '/api/teams/team-en', fx.as.agent)).json()).toEqual({ id: 'team-en', name: 'English team', supervisorIds: ['u-carol'] });
  });

  it('lists every queue the PBX reports or skills map to, and edits the settings of any of them', async () => {
    fx.state.current = {
      ...fx.state.current,
      queues: [
        {
          queue: 'support',
          language: null,
          skill: null,
          waiting: 0,
          longestWaitSeconds: 0,
          ready: 0,
          onCall: 0,
          wrapup: 0,
          paused: 0,
          signedIn: 0,
          answeredToday: 0,
          abandonedToday: 0,
        } as never,
      ],
    };
    const before = (await req('GET', '/api/queues', fx.as.agent)).json();
    expect(before.items.map((q: { queue: string }) => q.queue)).toEqual(['lang-en', 'lang-fr', 'support']);
    expect(before.items[0]).toEqual({ queue: 'lang-en', language: null, popupUrlTemplate: null, serviceLevelSeconds: 20, displayName: null, serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90, wrapupMode: 'default', wrapupSeconds: null });

    const patched = await req('PATCH', '/api/queues/lang-en', fx.as.admin, { serviceLevelSeconds: 30, language: 'English', popupUrlTemplate: 'https://crm.example/?n={callerNumber}' });
    expect(patched.json()).toMatchObject({ queue: 'lang-en', serviceLevelSeconds: 30, language: 'English' });
    expect((await req('GET', '/api/queues/nowhere', fx.as.admin)).statusCode).toBe(404);
    expect((await req('POST', '/api/queues', fx.as.admin, { queue: 'lang-en' })).statusCode).toBe(409);
    expect((await req('DELETE', '/api/queues/lang-en', fx.as.admin)).statusCode).toBe(204);
    expect((await req('GET', '/api/queues/lang-en', fx.as.admin)).json().serviceLevelSeconds).toBe(20);
  });
});

describe('change hook', () => {
  it('tells the composition root about every directory write, even when its hook fails', async () => {
    const changes: string[] = [];
    const other = await buildRestApp({
      hooks: {
        onChange: (resource, change) => {
          changes.push(`${resource}.${change.op}`);
          if (changes.length === 1) throw new Error('cache unavailable');
        },
      },
    });
    try {
      // The first change (the fixture's API key) made the hook throw, yet the key was created.
      expect(changes).toEqual(['api-key.create']);
      const skill = await other.app.inject({ method: 'POST', url: '/api/skills', headers: other.as.admin, payload: { name: 'Billing' } });
      await other.app.inject({ method: 'PATCH', url: `/api/skills/${skill.json().id}`, headers: other.as.admin, payload: { name: 'Invoices' } });
      await other.app.inject({ method: 'PUT', url: '/api/settings/wrapup', headers: other.as.admin, payload: { defaultSeconds: 15 } });
      await other.app.inject({ method: 'DELETE', url: `/api/customers/${other.customers.jane}`, headers: other.as.admin });
      expect(changes).toEqual(['api-key.create', 'skill.create', 'skill.update', 'wrapup-policy.update', 'customer.remove']);
    } finally {
      await other.close();
    }
  });
});

describe('API keys', () => {
  it('shows a new key once, authenticates with it inside its scope, and stops it when disabled or deleted', async () => {
    const created = await req('POST', '/api/api-keys', fx.as.admin, { name: 'Timesheet app', scope: { agents: ['u-bob'], extensions: [], queues: ['lang-fr'] } });
    expect(created.statusCode).toBe(201);
    const { id, key, userId } = created.json();
    expect(key).toMatch(/^amk_/);
    expect(created.json()).toMatchObject({ name: 'Timesheet app', disabled: false, lastUsedAt: null, scope: { agents: ['u-bob'], queues: ['lang-fr'] } });

    const list = await req('GET', '/api/api-keys', fx.as.admin);
    expect(list.json().total).toBe(2);
    expect(list.body).not.toContain(key);
    expect(list.body).not.toMatch(/"key"/);

    const asKey = { authorization: `Bearer ${key}` };
    const me = await fx.app.inject({ url: '/api/auth/me', headers: asKey });
    expect(me.json()).toMatchObject({ role: 'integration', queues: ['lang-fr'], agents: ['u-bob'] });
    expect((await req('GET', `/api/api-keys/${id}`, fx.as.admin)).json().lastUsedAt).not.toBeNull();

    const rescoped = await req('PATCH', `/api/api-keys/${id}`, fx.as.admin, { scope: { agents: [], extensions: ['1002'], queues: [] } });
    expect(rescoped.json().scope).toEqual({ agents: [], extensions: ['1002'], queues: [] });

    expect((await req('PATCH', `/api/api-keys/${id}`, fx.as.admin, { disabled: true })).json().disabled).toBe(true);
    const refused = await fx.app.inject({ url: '/api/auth/me', headers: asKey });
    expect(refused.json().code).toBe('CTI_ERR_USER_DISABLED');
    expect((await req('PATCH', `/api/api-keys/${id}`, fx.as.admin, { disabled: false })).json().disabled).toBe(false);
    expect((await fx.app.inject({ url: '/api/auth/me', headers: asKey })).statusCode).toBe(200);

    expect((await req('DELETE', `/api/api-keys/${id}`, fx.as.admin)).statusCode).toBe(204);
    expect((await fx.app.inject({ url: '/api/auth/me', headers: asKey })).json().code).toBe('CTI_ERR_INVALID_CREDENTIALS');
    // The integration user made for the key went with it.
    expect((await req('GET', `/api/users/${userId}`, fx.as.admin)).statusCode).toBe(404);
  });

  it('issues keys only to integration users', async () => {
    const res = await req('POST', '/api/api-keys', fx.as.admin, { name: 'Wrong', userId: 'u-alice', scope: { agents: [], extensions: [], queues: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0].path).toBe('/body/userId');
  });
});
