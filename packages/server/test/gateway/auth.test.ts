import { afterEach, describe, expect, it } from 'vitest';
import { bearer, buildFixture, type Fixture, INTEGRATION_KEY, login, PASSWORD } from './helpers/fixture.ts';

let fx: Fixture;
afterEach(async () => {
  await fx?.app.close();
});

describe('login', () => {
  it('gives alice a short-lived access token and a refresh token when her password is right', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { username: 'alice', role: 'agent', agentId: 'agent-1001' } });
    expect(body.refreshToken).toMatch(/^rt_/);
    const me = await fx.app.inject({ url: '/api/auth/me', headers: bearer(body.accessToken) });
    expect(me.json()).toMatchObject({ userId: 'u-alice', extensions: ['1001'], queues: ['lang-en'] });
    expect(fx.audit.entries().at(-1)).toMatchObject({ action: 'auth.login', ok: true, username: 'alice', channel: 'rest' });
  });

  it('refuses a wrong password and an unknown user with the same error, and audits both', async () => {
    fx = await buildFixture();
    for (const username of ['alice', 'mallory']) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'nope-nope' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('CTI_ERR_INVALID_CREDENTIALS');
    }
    const refused = fx.audit.entries().filter((e) => e.action === 'auth.login' && !e.ok);
    expect(refused.map((e) => e.username)).toEqual(['alice', 'mallory']);
  });

  it('refuses a disabled account even with the right password', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'erin', password: PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CTI_ERR_USER_DISABLED');
  });

  it('locks out a brute-forced username with CTI_ERR_RATE_LIMITED and a retryAfter, even for the right password', async () => {
    fx = await buildFixture({ config: { tokenSecret: 'x'.repeat(32), loginLimits: { perUserAddress: { limit: 3, windowMs: 60_000 } } } });
    for (let i = 0; i < 3; i++) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: `guess-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'CTI_ERR_RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(fx.audit.entries().at(-1)).toMatchObject({ action: 'auth.login', ok: false, code: 'CTI_ERR_RATE_LIMITED' });
    // Other users are not affected by alice's lock-out.
    expect((await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('limits failed logins per address across usernames (password spraying)', async () => {
    fx = await buildFixture({ config: { tokenSecret: 'x'.repeat(32), loginLimits: { perIp: { limit: 4, windowMs: 60_000 } } } });
    for (const username of ['alice', 'bob', 'carol', 'dave']) {
      await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Winter2025!' } });
    }
    const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: PASSWORD } });
    expect(res.json().code).toBe('CTI_ERR_RATE_LIMITED');
    const other = await fx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'bob', password: PASSWORD } });
    expect(other.statusCode).toBe(200);
  });

  it('refuses login bodies with control characters or unknown fields', async () => {
    fx = await buildFixture();
    for (const payload of [{ username: 'alice\r\nAction: Logoff', password: PASSWORD }, { username: 'alice', password: PASSWORD, role: 'admin' }]) {
      const res = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CTI_ERR_VALIDATION');
    }
  });
});

describe('tokens', () => {
  it('rotates the refresh token and revokes the whole session when an old one is replayed', async () => {
    fx = await buildFixture();
    const first = await login(fx.app, 'alice');
    const r1 = await fx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(r1.statusCode).toBe(200);
    const second = r1.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await fx.app.inject({ url: '/api/auth/me', headers: bearer(second.accessToken) })).statusCode).toBe(200);

    const replay = await fx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(replay.json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    // The replay ended the session: the newer tokens stop working too.
    const me = await fx.app.inject({ url: '/api/auth/me', headers: bearer(second.accessToken) });
    expect(me.json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    const again = await fx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second.refreshToken } });
    expect(again.statusCode).toBe(401);
  });

  it('stops accepting the access token right after logout and audits the refused use', async () => {
    fx = await buildFixture();
    const tokens = await login(fx.app, 'alice');
    const out = await fx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(tokens.accessToken), payload: {} });
    expect(out.statusCode).toBe(204);
    const me = await fx.app.inject({ url: '/api/auth/me', headers: bearer(tokens.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    expect(fx.audit.entries().at(-1)).toMatchObject({ ok: false, code: 'CTI_ERR_TOKEN_REVOKED' });
    const refresh = await fx.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } });
    expect(refresh.statusCode).toBe(401);
  });

  it('rejects a tampered or expired access token', async () => {
    let now = Date.now();
    fx = await buildFixture({ clock: { now: () => now } });
    const tokens = await login(fx.app, 'alice');
    const [h, p, s] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'u-dave' })).toString('base64url')}.${s}`;
    expect((await fx.app.inject({ url: '/api/auth/me', headers: bearer(forged) })).json().code).toBe('CTI_ERR_UNAUTHENTICATED');
    now += 16 * 60 * 1000;
    expect((await fx.app.inject({ url: '/api/auth/me', headers: bearer(tokens.accessToken) })).json().code).toBe('CTI_ERR_TOKEN_EXPIRED');
  });

  it('requires credentials on protected routes', async () => {
    fx = await buildFixture();
    const res = await fx.app.inject({ url: '/api/state' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('CTI_ERR_UNAUTHENTICATED');
  });
});

describe('API keys', () => {
  it('authenticates an integration by X-API-Key and by Authorization: ApiKey', async () => {
    fx = await buildFixture();
    for (const headers of [{ 'x-api-key': INTEGRATION_KEY }, { authorization: `ApiKey ${INTEGRATION_KEY}` }]) {
      const me = await fx.app.inject({ url: '/api/auth/me', headers });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ role: 'integration', username: 'crm-connector', agents: ['agent-1001'] });
    }
    const bad = await fx.app.inject({ url: '/api/auth/me', headers: { 'x-api-key': 'amk_wrong' } });
    expect(bad.json().code).toBe('CTI_ERR_INVALID_CREDENTIALS');
  });
});
