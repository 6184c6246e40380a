import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe.each(dialects)('users, scopes, teams and credentials on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a supervisor, finds it case-insensitively and hides the password hash from listings', async () => {
    const user = await t.repos.users.create({ username: 'Sofia', displayName: 'Sofia S.', role: 'supervisor', passwordHash: '$argon2id$x' });
    expect(user).toMatchObject({ username: 'sofia', role: 'supervisor', disabled: false });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await t.repos.users.getByUsername('SOFIA')).toEqual(user);
    const creds = await t.repos.users.getCredentials('sofia');
    expect(creds?.passwordHash).toBe('$argon2id$x');
  });

  it('refuses a second user with the same username', async () => {
    await t.repos.users.create({ username: 'dup', displayName: 'A', role: 'agent' });
    await expect(t.repos.users.create({ username: 'DUP', displayName: 'B', role: 'agent' })).rejects.toMatchObject({
      code: 'CTI_ERR_DUPLICATE_RECORD',
    });
  });

  it('rejects an unknown role', async () => {
    await expect(t.repos.users.create({ username: 'x', displayName: 'X', role: 'root' as never })).rejects.toMatchObject({
      code: 'CTI_ERR_INVALID_RECORD',
    });
  });

  it('disables a user, which drops it from the default listing but not from the full one', async () => {
    const u = await t.repos.users.create({ username: 'leaver', displayName: 'Leaver', role: 'agent' });
    t.clock.now += 1000;
    const updated = await t.repos.users.update(u.id, { disabled: true, displayName: 'Left' });
    expect(updated).toMatchObject({ disabled: true, displayName: 'Left', updatedAt: t.clock.now });
    expect((await t.repos.users.list()).map((x) => x.username)).not.toContain('leaver');
    expect((await t.repos.users.list({ includeDisabled: true })).map((x) => x.username)).toContain('leaver');
    expect((await t.repos.users.list({ role: 'supervisor' })).map((x) => x.username)).toEqual(['sofia']);
  });

  it('reports a missing user on update and removes users', async () => {
    await expect(t.repos.users.update('nope', { displayName: 'x' })).rejects.toMatchObject({ code: 'CTI_ERR_RECORD_NOT_FOUND' });
    const u = await t.repos.users.create({ username: 'temp', displayName: 'Temp', role: 'agent' });
    expect(await t.repos.users.remove(u.id)).toBe(true);
    expect(await t.repos.users.get(u.id)).toBeUndefined();
    expect(await t.repos.users.remove(u.id)).toBe(false);
  });

  it('gives a supervisor a team and a queue, and expands the team to its agents', async () => {
    const sup = await t.repos.users.create({ username: 'boss', displayName: 'Boss', role: 'supervisor' });
    const a1 = await t.repos.users.create({ username: 'a1', displayName: 'A1', role: 'agent' });
    const a2 = await t.repos.users.create({ username: 'a2', displayName: 'A2', role: 'agent' });
    const team = await t.repos.teams.create({ name: 'French desk' });
    await t.repos.teams.setMembers(team.id, [a1.id, a2.id, a1.id]);
    expect(await t.repos.teams.members(team.id)).toEqual([a1.id, a2.id].sort());
    expect((await t.repos.teams.teamsOf(a1.id)).map((x) => x.name)).toEqual(['French desk']);
    await t.repos.userScopes.replace(sup.id, [
      { kind: 'team', value: team.id },
      { kind: 'queue', pbx: 'pbx1', value: 'lang-fr' },
    ]);
    const vis = await t.repos.userScopes.expand(sup.id);
    expect(vis).toEqual({ teams: [team.id], agents: [a1.id, a2.id].sort(), queues: [{ pbx: 'pbx1', queue: 'lang-fr' }], extensions: [] });
  });

  it('scopes an integration to extensions and agents only, replacing earlier scopes', async () => {
    const crm = await t.repos.users.create({ username: 'crm', displayName: 'CRM', role: 'integration' });
    await t.repos.userScopes.replace(crm.id, [{ kind: 'queue', value: 'sales' }]);
    await t.repos.userScopes.replace(crm.id, [
      { kind: 'extension', pbx: 'pbx1', value: '1011' },
      { kind: 'agent', value: 'agent-9' },
    ]);
    expect(await t.repos.userScopes.list(crm.id)).toEqual([
      { kind: 'agent', pbx: '', value: 'agent-9' },
      { kind: 'extension', pbx: 'pbx1', value: '1011' },
    ]);
    const vis = await t.repos.userScopes.expand(crm.id);
    expect(vis.queues).toEqual([]);
    expect(vis.agents).toEqual(['agent-9']);
    await expect(t.repos.userScopes.replace(crm.id, [{ kind: 'planet' as never, value: 'x' }])).rejects.toMatchObject({
      code: 'CTI_ERR_INVALID_RECORD',
    });
  });

  it('deletes a team and its memberships', async () => {
    const team = await t.repos.teams.create({ name: 'Temp team' });
    const renamed = await t.repos.teams.rename(team.id, 'Renamed');
    expect(renamed.name).toBe('Renamed');
    expect(await t.repos.teams.remove(team.id)).toBe(true);
    expect(await t.repos.teams.get(team.id)).toBeUndefined();
    await expect(t.repos.teams.create({ name: 'French desk' })).rejects.toMatchObject({ code: 'CTI_ERR_DUPLICATE_RECORD' });
  });

  it('finds an API key by prefix, records its use and revokes it once', async () => {
    const crm = (await t.repos.users.getByUsername('crm'))!;
    const key = await t.repos.apiKeys.create({ userId: crm.id, name: 'CRM prod', prefix: 'ak_live_1234', hash: 'h1' });
    expect(await t.repos.apiKeys.findByPrefix('ak_live_1234')).toEqual(key);
    t.clock.now += 5000;
    await t.repos.apiKeys.touch(key.id);
    expect((await t.repos.apiKeys.get(key.id))?.lastUsedAt).toBe(t.clock.now);
    expect(await t.repos.apiKeys.revoke(key.id)).toBe(true);
    expect(await t.repos.apiKeys.revoke(key.id)).toBe(false);
    expect((await t.repos.apiKeys.listForUser(crm.id))[0]?.revokedAt).toBe(t.clock.now);
    await expect(t.repos.apiKeys.create({ userId: crm.id, name: 'again', prefix: 'ak_live_1234', hash: 'h2' })).rejects.toMatchObject({
      code: 'CTI_ERR_DUPLICATE_RECORD',
    });
  });

  it('rotates a refresh token, revokes all of a user and prunes expired ones', async () => {
    const u = await t.repos.users.create({ username: 'rot', displayName: 'Rot', role: 'agent' });
    const first = await t.repos.refreshTokens.create({ userId: u.id, hash: 'r1', expiresAt: t.clock.now + 60_000 });
    const second = await t.repos.refreshTokens.create({ userId: u.id, hash: 'r2', expiresAt: t.clock.now + 60_000 });
    expect(await t.repos.refreshTokens.revoke(first.id, second.id)).toBe(true);
    expect(await t.repos.refreshTokens.findByHash('r1')).toMatchObject({ replacedBy: second.id, revokedAt: t.clock.now });
    expect(second.sessionId).toBe(second.id);
    const rotated = await t.repos.refreshTokens.create({ userId: u.id, hash: 'r3', expiresAt: t.clock.now + 60_000, sessionId: second.sessionId });
    expect(rotated.sessionId).toBe(second.id);
    expect(await t.repos.refreshTokens.revokeSession(second.sessionId)).toBe(2);
    expect((await t.repos.refreshTokens.findByHash('r3'))?.revokedAt).toBe(t.clock.now);
    await t.repos.refreshTokens.create({ userId: u.id, hash: 'r4', expiresAt: t.clock.now + 60_000 });
    expect(await t.repos.refreshTokens.revokeAllForUser(u.id)).toBe(1);
    await t.repos.refreshTokens.create({ userId: u.id, hash: 'old', expiresAt: t.clock.now - 1 });
    expect(await t.repos.refreshTokens.pruneExpired(t.clock.now)).toBe(1);
    expect(await t.repos.refreshTokens.findByHash('old')).toBeUndefined();
  });

  it('cascades a deleted user to its keys, tokens and scopes', async () => {
    const u = await t.repos.users.create({ username: 'gone', displayName: 'Gone', role: 'integration' });
    await t.repos.apiKeys.create({ userId: u.id, name: 'k', prefix: 'ak_gone', hash: 'h' });
    await t.repos.userScopes.replace(u.id, [{ kind: 'queue', value: 'q' }]);
    await t.repos.users.remove(u.id);
    expect(await t.repos.apiKeys.findByPrefix('ak_gone')).toBeUndefined();
    expect(await t.repos.userScopes.list(u.id)).toEqual([]);
  });
});
