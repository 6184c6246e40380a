import { describe, expect, it } from 'vitest';
import { CtiNetworkError, CtiNotAuthenticatedError, CtiServerError } from '../src/errors.ts';
import { reconnectDelay } from '../src/live/backoff.ts';
import { normalise } from '../src/rest/customers.ts';
import { tokenPair } from './support/fake-server.ts';
import { harness } from './support/harness.ts';

describe('authentication', () => {
  it('refreshes an expired access token once and retries the request', async () => {
    let refreshes = 0;
    const h = harness({
      'GET /api/users': (call) =>
        call.headers.authorization === 'Bearer access-2'
          ? { body: { items: [{ id: 'u-1' }], total: 1 } }
          : { status: 401, body: { code: 'CTI_ERR_TOKEN_EXPIRED', message: 'expired' } },
      'POST /api/auth/refresh': () => ({ body: tokenPair(2 + refreshes++) }),
    });
    await h.client.login('ada', 'secret');
    const [a, b] = await Promise.all([h.client.api.users.list(), h.client.api.users.list()]);
    expect(a.items).toEqual([{ id: 'u-1' }]);
    expect(b.total).toBe(1);
    expect(refreshes).toBe(1);
  });

  it('refreshes ahead of expiry before opening the WebSocket', async () => {
    const h = harness({ 'POST /api/auth/login': () => ({ body: tokenPair(0, 20) }) });
    await h.client.login('ada', 'secret');
    h.client.connect();
    h.socket().open();
    await h.timers.advance(0);
    expect(h.calls.map((c) => c.url)).toContain('http://cti.test/api/auth/refresh');
    expect(h.socket().frames('hello')[0]?.token).toBe('access-1');
  });

  it('signs out when the refresh token is refused', async () => {
    const h = harness({
      'GET /api/agents': () => ({ status: 401, body: { code: 'CTI_ERR_TOKEN_EXPIRED', message: 'expired' } }),
      'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'CTI_ERR_TOKEN_REVOKED', message: 'revoked' } }),
    });
    const sessions: unknown[] = [];
    h.client.on('session', (u) => sessions.push(u?.username));
    await h.client.login('ada', 'secret');
    await expect(h.client.api.agents.list()).rejects.toBeInstanceOf(CtiNotAuthenticatedError);
    expect(sessions).toEqual(['ada', undefined]);
  });

  it('reports a wrong password with the server code', async () => {
    const h = harness({
      'POST /api/auth/login': () => ({ status: 401, body: { code: 'CTI_ERR_INVALID_CREDENTIALS', message: 'Wrong username or password' } }),
    });
    const error = await h.client.login('ada', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiServerError);
    expect(error).toMatchObject({ code: 'CTI_ERR_INVALID_CREDENTIALS', message: 'Wrong username or password', status: 401 });
  });

  it('uses an API key as the bearer credential for REST and the WebSocket', async () => {
    const h = harness({ 'GET /api/auth/me': () => ({ body: { userId: 'k-1', role: 'integration' } }) });
    await h.client.loginWithApiKey('ak_live_123');
    expect(h.calls.at(-1)?.headers.authorization).toBe('Bearer ak_live_123');
    h.client.connect();
    h.socket().open();
    await h.timers.advance(0);
    expect(h.socket().frames('hello')[0]?.token).toBe('ak_live_123');
  });

  it('revokes the refresh token and closes the socket on logout', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    h.client.connect();
    const s = await h.accept();
    await h.client.logout();
    expect(h.calls.at(-1)).toMatchObject({ method: 'POST', body: { refreshToken: 'refresh-1' } });
    expect(s.closedWith?.code).toBe(1000);
    expect(h.client.user).toBeUndefined();
  });
});

describe('REST helpers', () => {
  it('reports an unreachable server as a network error', async () => {
    const h = harness({}, { fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await h.client.api.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiNetworkError);
    expect((error as CtiNetworkError).code).toBe('SDK_ERR_NETWORK');
  });

  it('returns undefined for the demo accounts when the server is not in demo mode', async () => {
    const h = harness();
    await expect(h.client.api.demo()).resolves.toBeUndefined();
  });

  it('lists the demo accounts when the server runs in demo mode', async () => {
    const h = harness({
      'GET /api/demo': () => ({ body: { users: [{ username: 'alice', password: 'demo', role: 'agent', name: 'Alice Martin' }, { username: 'x' }] } }),
    });
    await expect(h.client.api.demo()).resolves.toEqual({
      accounts: [{ username: 'alice', password: 'demo', role: 'agent', description: 'Alice Martin' }],
      message: null,
    });
    expect(h.calls.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('sends list filters as a query string', async () => {
    const h = harness({ 'GET /api/calls': () => ({ body: { items: [], total: 0 } }) });
    await h.client.login('ada', 'secret');
    await h.client.api.calls.list({ agentId: 'agent-1001', from: '2026-11-26T00:00:00.000Z', limit: 50 });
    expect(h.calls.at(-1)?.url).toBe('http://cti.test/api/calls?agentId=agent-1001&from=2026-11-26T00%3A00%3A00.000Z&limit=50');
  });

  it('follows a background customer import to the end, reporting progress', async () => {
    let polls = 0;
    const h = harness({
      'POST /api/customers/import': (call) => {
        expect(call.headers['content-type']).toBe('text/csv');
        expect(call.url).toBe('http://cti.test/api/customers/import?mode=all-or-nothing');
        return { status: 202, body: { id: 'job-1', status: 'running', total: 3, processed: 0, created: 0, updated: 0, rejected: [], committed: false } };
      },
      'GET /api/customers/import/job-1': () =>
        ++polls < 2
          ? { body: { id: 'job-1', status: 'running', total: 3, processed: 2, created: 0, updated: 0, rejected: [], committed: false } }
          : {
              body: {
                id: 'job-1',
                status: 'done',
                total: 3,
                processed: 3,
                created: 0,
                updated: 0,
                rejected: [{ line: 3, reason: 'phone number is not valid', field: 'phone' }],
                committed: false,
              },
            },
    });
    await h.client.login('ada', 'secret');
    const progress: number[] = [];
    const done = h.client.api.customers.importCsv('name,phone\nAda,+441\nBob,xx\nCy,+442\n', {
      onProgress: (r) => progress.push(r.processed),
      pollMs: 100,
    });
    await h.timers.advance(100);
    await h.timers.advance(100);
    const report = await done;
    expect(progress).toEqual([0, 2, 3]);
    expect(report.committed).toBe(false);
    expect(report.rejected).toEqual([{ line: 3, reason: 'phone number is not valid', field: 'phone' }]);
  });

  it("reads the server's import result: inserted rows and rejected rows with several reasons", () => {
    expect(
      normalise({
        mode: 'best-effort',
        total: 3,
        inserted: 2,
        updated: 0,
        committed: true,
        rejected: [{ line: 3, reasons: ['number is required', 'name is required'], values: { number: '', name: '' } }],
      }),
    ).toEqual({
      mode: 'best-effort',
      status: 'done',
      total: 3,
      processed: 3,
      created: 2,
      updated: 0,
      committed: true,
      message: null,
      rejected: [{ line: 3, reason: 'number is required; name is required', field: null, values: { number: '', name: '' } }],
    });
  });

  it('reads an import report that names rejected rows "errors" with "row" numbers', () => {
    expect(normalise({ imported: 5, errors: [{ row: 7, message: 'missing name' }] })).toMatchObject({
      status: 'done',
      created: 5,
      committed: false,
      rejected: [{ line: 7, reason: 'missing name', field: null }],
    });
  });
});

describe('reconnect delay', () => {
  it('grows exponentially from the initial delay and stops at the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5, 10].map((n) => reconnectDelay(n, { initialMs: 500, maxMs: 10_000, jitter: 0 }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('randomises only the jitter share of the delay', () => {
    expect(reconnectDelay(2, { initialMs: 1000, jitter: 0.5 }, () => 0)).toBe(2000);
    expect(reconnectDelay(2, { initialMs: 1000, jitter: 0.5 }, () => 0.999999)).toBe(4000);
  });
});
