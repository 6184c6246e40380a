import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/persistence/repositories/audit.ts';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { TEST_PASSWORD, call, command, createScopedUser, eventually, login, testPasswordHash, userIdOf } from './support/identities.ts';

/** Acting outside one's reach is refused, and every refusal lands in the audit log. */
describe('refused attempts are refused and audited', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  let wsUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: { callsPerMinute: 0, autoSignIn: true } });
    wsUrl = `${server.url.replace('http', 'ws')}/api/ws`;
    const hash = await testPasswordHash();
    ids = {};
    for (const u of ['alice', 'bilal', 'chloe', 'admin']) {
      ids[u] = await userIdOf(server, u);
      await server.repos.users.update(ids[u]!, { passwordHash: hash });
    }
    await server.agents.signIn(ids.alice!, {});
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  /** Waits for an audit row matching `match` (the log is written off the request path). */
  const audited = (match: (e: AuditEntry) => boolean, what: string) =>
    eventually(async () => (await server.repos.audit.query({ limit: 1000 })).find(match), 5000, what);

  it('refuses an agent pausing another agent, over REST and WebSocket, leaves the other agent untouched, and audits both', async () => {
    const { accessToken } = await login(server.url, 'alice');
    const rest = await command(server.url, accessToken, 'agent.pause', { agentId: ids.bilal, reason: 'break' });
    expect(rest.status).toBe(403);
    expect(rest.body.code).toBe('CTI_ERR_FORBIDDEN');
    const ws = await TestClient.connect(wsUrl, accessToken);
    const result = await ws.command('p1', 'agent.signOut', { agentId: ids.bilal });
    ws.close();
    expect(result.ok).toBe(false);
    expect((result.error as { code: string }).code).toBe('CTI_ERR_FORBIDDEN');

    expect(server.agents.get(ids.bilal!)?.state).not.toBe('paused');
    expect(server.demo!.sim.snapshot().members.filter((m) => m.interface === 'PJSIP/1002').every((m) => !m.paused)).toBe(true);
    const restRow = await audited((e) => e.userId === ids.alice && e.command === 'agent.pause' && e.channel === 'rest', 'REST refusal');
    expect(restRow).toMatchObject({ result: 'error', errorCode: 'CTI_ERR_FORBIDDEN', username: 'alice' });
    expect(restRow.args).toMatchObject({ agentId: ids.bilal });
    const wsRow = await audited((e) => e.userId === ids.alice && e.command === 'agent.signOut' && e.channel === 'ws', 'WS refusal');
    expect(wsRow).toMatchObject({ result: 'error', errorCode: 'CTI_ERR_FORBIDDEN' });
  });

  it('lets an integration act within its scope only, and audits the refusal outside it', async () => {
    const crmId = await createScopedUser(server, { username: 'crm-bilal', role: 'integration', scopes: [{ kind: 'agent', value: ids.bilal! }, { kind: 'queue', value: 'lang-ar' }] });
    const { accessToken } = await login(server.url, 'crm-bilal');
    const inside = await command(server.url, accessToken, 'agent.pause', { agentId: ids.bilal, reason: 'lunch' });
    expect(inside.status).toBe(200);
    await eventually(() => (server.demo!.sim.snapshot().members.some((m) => m.interface === 'PJSIP/1002' && m.paused) ? true : undefined), 5000, 'bilal paused');

    const otherAgent = await command(server.url, accessToken, 'agent.pause', { agentId: ids.chloe, reason: 'lunch' });
    expect(otherAgent.status).toBe(403);
    expect(otherAgent.body.code).toBe('CTI_ERR_FORBIDDEN');
    const otherQueue = await command(server.url, accessToken, 'queue.join', { agentId: ids.bilal, queue: 'sales' });
    expect(otherQueue.status).toBe(403);
    expect(server.demo!.sim.snapshot().members.some((m) => m.interface === 'PJSIP/1003' && m.paused)).toBe(false);
    expect(server.demo!.sim.snapshot().members.some((m) => m.interface === 'PJSIP/1002' && m.queue === 'sales')).toBe(false);

    await audited((e) => e.userId === crmId && e.command === 'agent.pause' && e.result === 'error' && e.errorCode === 'CTI_ERR_FORBIDDEN', 'scope refusal');
    await audited((e) => e.userId === crmId && e.command === 'queue.join' && e.result === 'error', 'queue refusal');
    await audited((e) => e.userId === crmId && e.command === 'agent.pause' && e.result === 'ok', 'allowed command');
    await command(server.url, accessToken, 'agent.ready', { agentId: ids.bilal });
  });

  it('refuses a signed-out token on REST and WebSocket, closes its open socket, and audits the attempts', async () => {
    const { accessToken } = await login(server.url, 'chloe');
    const open = await TestClient.connect(wsUrl, accessToken);
    expect((await call(server.url, 'POST', '/api/auth/logout', accessToken, {})).status).toBe(204);
    await open.waitForClose();

    const rest = await command(server.url, accessToken, 'agent.ready', {});
    expect(rest.status).toBe(401);
    expect(rest.body.code).toBe('CTI_ERR_TOKEN_REVOKED');
    const ws = await TestClient.open(wsUrl);
    ws.send({ op: 'hello', v: 1, token: accessToken });
    const closed = await ws.waitForClose();
    expect(closed.code).toBeGreaterThanOrEqual(4000);
    expect(ws.frames.some((f) => f.op === 'welcome')).toBe(false);

    await audited((e) => e.channel === 'rest' && e.errorCode === 'CTI_ERR_TOKEN_REVOKED', 'REST revoked-token refusal');
    await audited((e) => e.channel === 'ws' && e.command === 'ws.connect' && e.errorCode === 'CTI_ERR_TOKEN_REVOKED', 'WS revoked-token refusal');
  });

  it('locks out a brute-force login, even with the right password afterwards, audits every attempt and never stores the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(server.url, 'POST', '/api/auth/login', undefined, { username: 'bilal', password: `guess-${i}` })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await call(server.url, 'POST', '/api/auth/login', undefined, { username: 'bilal', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('CTI_ERR_RATE_LIMITED');

    const rows = await eventually(async () => {
      const r = (await server.repos.audit.query({ command: 'auth.login', limit: 1000 })).filter((e) => e.username === 'bilal');
      return r.length >= 13 ? r : undefined;
    }, 5000, 'login audit rows');
    expect(rows.every((e) => e.result === 'error')).toBe(true);
    expect(rows.filter((e) => e.errorCode === 'CTI_ERR_INVALID_CREDENTIALS')).toHaveLength(10);
    expect(rows.filter((e) => e.errorCode === 'CTI_ERR_RATE_LIMITED')).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain('guess-');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);

    // The audit log is readable by an admin over REST, with the same rows.
    const { accessToken } = await login(server.url, 'admin');
    const viaRest = await call(server.url, 'GET', '/api/audit?action=auth.login&username=bilal&limit=100', accessToken);
    expect(viaRest.status).toBe(200);
    expect((viaRest.body.items as unknown[]).length).toBe(rows.length);
  });
});
