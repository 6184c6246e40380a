/**
 * The login limiter over HTTP: atomic budgets under parallel attempts, a rule a call centre behind
 * one public address can live with, and client addresses taken from X-Forwarded-For only when the
 * peer is a trusted proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, type RestApp, buildRestApp } from '../features-rest/helpers/rest-app.ts';

const minute = (limit: number) => ({ limit, windowMs: 60_000 });

describe('login limits', () => {
  let rest: RestApp | undefined;
  afterEach(async () => {
    await rest?.close();
    rest = undefined;
  });
  const attempt = (username: string, password: string, remoteAddress = '198.51.100.10', headers: Record<string, string> = {}) =>
    rest!.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { username, password } });

  it('checks only 10 of 40 parallel wrong passwords for one user; the other 30 are refused unchecked', async () => {
    rest = await buildRestApp({}, 'sqlite', { config: { tokenSecret: 'x'.repeat(32), loginLimits: { perUserAddress: minute(10) } } });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('alice', `guess-${i}`)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(30);
  });

  it('lets a call centre behind one address sign in while someone there sprays passwords', async () => {
    rest = await buildRestApp({}, 'sqlite', {
      config: { tokenSecret: 'x'.repeat(32), loginLimits: { perUserAddress: minute(3), perUser: minute(6), perIp: minute(5) } },
    });
    // Yesterday: the admin and alice signed in from the office's public address.
    expect((await attempt('dave', PASSWORD)).statusCode).toBe(200);
    expect((await attempt('alice', PASSWORD)).statusCode).toBe(200);

    // Today someone behind the same NAT sprays passwords across usernames until the address is spent...
    for (const username of ['bob', 'carol', 'mallory', 'trudy', 'eve']) await attempt(username, 'Winter2025!');
    expect((await attempt('oscar', 'Winter2025!')).json().code).toBe('CTI_ERR_RATE_LIMITED');
    // ...and alice mistypes twice.
    expect((await attempt('alice', 'typo-1')).statusCode).toBe(401);
    expect((await attempt('alice', 'typo-2')).statusCode).toBe(401);

    // Known usernames at this address still sign in; the address budget is not theirs to spend.
    expect((await attempt('dave', PASSWORD)).statusCode).toBe(200);
    expect((await attempt('alice', PASSWORD)).statusCode).toBe(200);
    // A username never seen here waits for the address budget (the price of stopping the spray).
    expect((await attempt('bob', PASSWORD)).json().code).toBe('CTI_ERR_RATE_LIMITED');
    // Guessing a known user's password from the shared address still meets that pair's own budget.
    for (let i = 0; i < 3; i++) await attempt('dave', `guess-${i}`);
    expect((await attempt('dave', PASSWORD)).json().code).toBe('CTI_ERR_RATE_LIMITED');
  });

  it('takes the client address from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    rest = await buildRestApp({}, 'sqlite', {
      config: { tokenSecret: 'x'.repeat(32), trustProxy: ['10.0.0.1'], loginLimits: { perUserAddress: minute(2) } },
    });
    const viaProxy = (client: string, password: string) => attempt('alice', password, '10.0.0.1', { 'x-forwarded-for': client });
    await viaProxy('203.0.113.7', 'guess-1');
    await viaProxy('203.0.113.7', 'guess-2');
    expect((await viaProxy('203.0.113.7', PASSWORD)).statusCode).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await viaProxy('203.0.113.8', PASSWORD)).statusCode).toBe(200);

    // A client that is not a trusted proxy cannot pick a fresh address per attempt.
    const direct = (forged: string, password: string) => attempt('carol', password, '192.0.2.50', { 'x-forwarded-for': forged });
    await direct('203.0.113.21', 'guess-1');
    await direct('203.0.113.22', 'guess-2');
    expect((await direct('203.0.113.23', PASSWORD)).statusCode).toBe(429);
    const audit = await rest.app.inject({ method: 'GET', url: '/api/audit?action=auth.login&limit=200', headers: rest.as.admin });
    const ips = (audit.json().items as { ip: string; username: string; ok: boolean }[])
      .filter((e) => e.username === 'carol' && !e.ok)
      .map((e) => e.ip);
    expect(new Set(ips)).toEqual(new Set(['192.0.2.50']));
  });
});
