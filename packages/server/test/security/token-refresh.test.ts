/**
 * Token refresh, refresh-token reuse detection, logout and password change, through HTTP on the
 * database stores (SQLite and PostgreSQL): the stores the server runs on, not an in-memory stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDialect } from '../../src/persistence/database.ts';
import { PASSWORD, type RestApp, buildRestApp } from '../features-rest/helpers/rest-app.ts';

const dialects: SqlDialect[] = ['sqlite', 'postgres'];

describe.each(dialects)('token lifecycle over HTTP on %s', (dialect) => {
  let rest: RestApp;
  beforeEach(async () => {
    rest = await buildRestApp({}, dialect);
  });
  afterEach(async () => {
    await rest.close();
  });

  const login = async (username = 'alice', password = PASSWORD) => {
    const res = await rest.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(res.statusCode).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string };
  };
  const refresh = (refreshToken: string) => rest.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const me = (accessToken: string) => rest.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${accessToken}` } });

  it('refreshes right after login, again and again, and every new access token works', async () => {
    let tokens = await login();
    for (let round = 0; round < 3; round++) {
      const res = await refresh(tokens.refreshToken);
      expect(res.statusCode, res.body).toBe(200);
      const next = res.json() as typeof tokens;
      expect(next.refreshToken).not.toBe(tokens.refreshToken);
      expect((await me(next.accessToken)).statusCode).toBe(200);
      tokens = next;
    }
  });

  it('ends the whole session when a rotated refresh token is presented again', async () => {
    const first = await login();
    const second = (await refresh(first.refreshToken)).json() as typeof first;

    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('CTI_ERR_TOKEN_REVOKED');

    // The legitimate holder's newer tokens die with the session...
    expect((await refresh(second.refreshToken)).json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    expect((await me(second.accessToken)).json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    // ...while another login of the same user is untouched.
    const other = await login();
    expect((await me(other.accessToken)).statusCode).toBe(200);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const tokens = await login();
    const out = await rest.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${tokens.accessToken}` },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    expect((await me(tokens.accessToken)).json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    expect((await refresh(tokens.refreshToken)).json().code).toBe('CTI_ERR_TOKEN_REVOKED');
  });

  it('a password change refuses every older access and refresh token, and the new password signs in', async () => {
    const before = await login();
    const refreshed = (await refresh(before.refreshToken)).json() as typeof before;
    const changed = await rest.app.inject({
      method: 'PATCH',
      url: '/api/users/u-alice',
      headers: rest.as.admin,
      payload: { password: 'a brand new passphrase' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    for (const token of [before.accessToken, refreshed.accessToken]) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    }
    expect((await refresh(refreshed.refreshToken)).json().code).toBe('CTI_ERR_TOKEN_REVOKED');
    const fresh = await login('alice', 'a brand new passphrase');
    expect((await me(fresh.accessToken)).statusCode).toBe(200);
  });
});
