import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionHeaders } from './action-headers.ts';
import { auditAction } from './audit.ts';
import type { ClientSession } from './client-session.ts';
import type { PortContext } from './context.ts';
import { AmiPortAuthFailedError, AmiPortBadRequestError, AmiPortChallengeUnavailableError } from './errors.ts';
import { maskAllows, parseEventMask } from './event-mask.ts';
import type { AmiPortPrincipal, AmiPortVerdict } from './ports.ts';
import { SessionScope } from './session-scope.ts';
import { response } from './wire.ts';

/**
 * Login with CTI credentials. Plain `Secret` goes to the credentials port. MD5
 * (`AuthType: MD5`, `Key: md5(challenge + secret)`) works only for accounts with
 * an AMI-port secret, because CTI passwords are stored as argon2 hashes and
 * cannot be fed to MD5. A failed login is answered after a delay and the
 * connection is closed, as Asterisk does.
 */
export async function handleLogin(ctx: PortContext, session: ClientSession, h: ActionHeaders): Promise<void> {
  if (session.loggedIn) {
    session.send(response('Success', h.actionId, [['Message', 'Already authenticated']]));
    auditAction(ctx, session, 'Login', h, null);
    return;
  }
  const username = h.get('Username') ?? '';
  let principal: AmiPortPrincipal | null = null;
  let reason = 'wrong username or secret';
  try {
    if ((h.get('AuthType') ?? '').toLowerCase() === 'md5') principal = await md5Login(ctx, session, username, h.get('Key') ?? '');
    else principal = username === '' ? null : await ctx.credentials.authenticate(username, h.get('Secret') ?? '', session.ip);
  } catch (error) {
    reason = 'credential check failed';
    ctx.logger.error({ err: error, username, ip: session.ip }, 'AMI port credential check failed');
  }
  if (principal === null) {
    const error = new AmiPortAuthFailedError(reason);
    auditAction(ctx, session, 'Login', h, error.code);
    ctx.logger.warn({ username, ip: session.ip, session: session.id }, 'AMI port login failed');
    await sleep(ctx.config.failedLoginDelayMs);
    session.end(response('Error', h.actionId, [['Message', error.amiMessage]]));
    return;
  }
  session.principal = principal;
  session.scope = new SessionScope(principal, ctx.config.defaultPbxId, ctx.seats);
  session.unwatch = ctx.principals?.watch(
    () => session.principal ?? principal,
    (verdict) => revise(ctx, session, verdict),
  );
  const events = h.get('Events');
  if (events !== undefined) session.mask = parseEventMask(events);
  auditAction(ctx, session, 'Login', h, null);
  ctx.logger.info({ username, userId: principal.userId, ip: session.ip, session: session.id }, 'AMI port login');
  session.send(response('Success', h.actionId, [['Message', 'Authentication accepted']]));
  if (maskAllows(session.mask, 'system,all')) {
    const uptime = String(Math.floor(process.uptime()));
    session.send([
      ['Event', 'FullyBooted'],
      ['Privilege', 'system,all'],
      ['Uptime', uptime],
      ['LastReload', uptime],
      ['Status', 'Fully Booted'],
    ]);
  }
}

/**
 * A change to the session's principal: new scope and role from the next event and action on, or
 * a last `CtiSessionEnded` event (Reason, Code, Message) and the connection closes.
 */
function revise(ctx: PortContext, session: ClientSession, verdict: AmiPortVerdict): void {
  if (session.closed || session.principal === undefined) return;
  if (verdict.action === 'update') {
    session.principal = verdict.principal;
    session.scope = new SessionScope(verdict.principal, ctx.config.defaultPbxId, ctx.seats);
    ctx.logger.info({ session: session.id, userId: verdict.principal.userId, role: verdict.principal.role }, 'AMI port session: principal changed');
    return;
  }
  const { userId, username } = session.principal;
  session.unwatch?.();
  session.unwatch = undefined;
  ctx.logger.warn({ session: session.id, userId, username, ip: session.ip, reason: verdict.reason, code: verdict.code }, 'AMI port session revoked');
  auditAction(ctx, session, 'SessionRevoked', undefined, verdict.code);
  session.principal = undefined;
  session.scope = undefined;
  session.end([
    ['Event', 'CtiSessionEnded'],
    ['Privilege', 'system,all'],
    ['Reason', verdict.reason],
    ['Code', verdict.code],
    ['Message', verdict.message],
  ]);
}

async function md5Login(ctx: PortContext, session: ClientSession, username: string, key: string) {
  const challenge = session.challenge;
  session.challenge = undefined;
  if (challenge === undefined || ctx.credentials.challengeSecret === undefined || username === '') return null;
  const account = await ctx.credentials.challengeSecret(username, session.ip);
  if (account === null) return null;
  const expected = createHash('md5').update(challenge + account.secret).digest();
  const given = Buffer.from(key.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? account.principal : null;
}

/** `Action: Challenge` / `AuthType: MD5` → a random decimal challenge, as Asterisk hands out. */
export function handleChallenge(ctx: PortContext, session: ClientSession, h: ActionHeaders): void {
  if ((h.get('AuthType') ?? '').toLowerCase() !== 'md5') throw new AmiPortBadRequestError('Must specify AuthType');
  if (ctx.credentials.challengeSecret === undefined) throw new AmiPortChallengeUnavailableError();
  session.challenge = String(randomInt(1, 2 ** 31 - 1));
  session.send(response('Success', h.actionId, [['Challenge', session.challenge]]));
  auditAction(ctx, session, 'Challenge', h, null);
}
