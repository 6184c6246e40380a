import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/identity/index.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createScopedUser, login, testPasswordHash, userIdOf } from './support/identities.ts';

/**
 * The workstation an agent signs in at comes from sources the server trusts: the connection's
 * address (X-Forwarded-For only from a trusted proxy), or a desk agent's API key bound to the
 * desk. Never from what the agent's own client claims.
 */

const DESK_KEY = 'amk_desk_agent_key_for_desk_1002';

async function signIn(base: string, headers: Record<string, string>, args: unknown) {
  const res = await fetch(`${base}/api/commands/agent.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as { code?: string; data?: { extension: string } } };
}

async function aliceToken(server: TestServer): Promise<string> {
  await server.repos.users.update(await userIdOf(server, 'alice'), { passwordHash: await testPasswordHash() });
  return (await login(server.url, 'alice')).accessToken;
}

describe('behind a trusted proxy', () => {
  let server: TestServer;
  let token: string;
  let alice: string;

  beforeAll(async () => {
    server = await startTestServer({ trustedProxies: ['127.0.0.1', '::1'] });
    token = await aliceToken(server);
    alice = await userIdOf(server, 'alice');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('refuses a workstation that the agent’s own client names, and signs nobody in', async () => {
    const reply = await signIn(server.url, { authorization: `Bearer ${token}` }, { workstation: { ip: '10.0.10.2' } });
    expect(reply).toMatchObject({ status: 403, body: { code: 'CTI_ERR_WORKSTATION_UNTRUSTED' } });
    expect(server.agents.get(alice)).toBeUndefined();
  });

  it('finds the desk from the nearest hop the proxy saw, not from a hop the client forged', async () => {
    const headers = { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.0.10.2, 10.0.10.6' };
    const reply = await signIn(server.url, headers, {});
    expect(reply).toMatchObject({ status: 200, body: { data: { extension: '1006' } } });
    await server.agents.signOut(alice);
  });

  it('lets a desk agent’s key report its own desk’s MAC, and no other desk', async () => {
    const desks = await server.repos.workstations.list();
    const desk2 = desks.find((w) => w.name === 'Desk 1002')!;
    const desk3 = desks.find((w) => w.name === 'Desk 1003')!;
    await server.repos.workstations.update(desk2.id, { mac: '02:00:5e:00:53:02' });
    await server.repos.workstations.update(desk3.id, { mac: '02:00:5e:00:53:03' });
    const owner = await createScopedUser(server, {
      username: 'desk-1002',
      role: 'integration',
      scopes: [
        { kind: 'extension', value: '1002' },
        { kind: 'agent', value: alice },
      ],
    });
    await server.repos.apiKeys.create({ userId: owner, name: 'desk agent 1002', prefix: DESK_KEY.slice(0, 12), hash: sha256(DESK_KEY) });
    const key = { 'x-api-key': DESK_KEY };

    const other = await signIn(server.url, key, { agentId: alice, workstation: { mac: '02:00:5e:00:53:03' } });
    expect(other).toMatchObject({ status: 403, body: { code: 'CTI_ERR_WORKSTATION_UNTRUSTED' } });
    expect(server.agents.get(alice)).toBeUndefined();

    const own = await signIn(server.url, key, { agentId: alice, workstation: { mac: '02:00:5e:00:53:02' } });
    expect(own).toMatchObject({ status: 200, body: { data: { extension: '1002' } } });
    await server.agents.signOut(alice);
  });
});

describe('without a trusted proxy', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('ignores X-Forwarded-For: the desk is not found and the agent gets her default extension', async () => {
    const token = await aliceToken(server);
    const reply = await signIn(server.url, { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.0.10.6' }, {});
    expect(reply).toMatchObject({ status: 200, body: { data: { extension: '1001' } } });
  });
});
