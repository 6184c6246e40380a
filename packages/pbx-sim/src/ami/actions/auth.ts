import { createHash } from 'node:crypto';
import { eventTv } from '../../util/format.ts';
import { PERM, parseClasses, parseEventMask } from '../permissions.ts';
import type { PbxCore } from '../../engine/core.ts';
import type { EventBus } from '../event-bus.ts';
import type { AmiSession } from '../session.ts';
import type { ActionContext, ActionHandler } from './types.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Login: plain Secret, or AuthType MD5 with Key = md5(challenge + secret). */
export const login: ActionHandler = (ctx) => {
  const { session, config, core } = ctx;
  if (session.authenticated) {
    ctx.success('Already authenticated');
    return;
  }
  const username = ctx.get('Username') ?? '';
  const user = config.users.find((u) => u.username === username);
  const authType = ctx.get('AuthType')?.toLowerCase();
  let ok = false;
  if (user) {
    if (authType === 'md5') ok = session.challenge !== undefined && ctx.get('Key')?.toLowerCase() === md5(session.challenge + user.secret);
    else ok = ctx.get('Secret') === user.secret;
  }
  if (!user || !ok) {
    // Asterisk sleeps one second, answers, then closes the connection.
    session.failing = true;
    const fail = () => {
      session.respond('Error', ctx.actionId, [['Message', 'Authentication failed']]);
      session.end();
    };
    if (config.authFailureDelayMs > 0) core.scheduler.after(config.authFailureDelayMs, fail);
    else fail();
    return;
  }
  session.user = { username: user.username, read: parseClasses(user.read, 0), write: parseClasses(user.write, 0) };
  const events = ctx.get('Events');
  session.mask = events === undefined ? parseClasses('all') : parseEventMask(events);
  session.challenge = undefined;
  ctx.success('Authentication accepted');
  if ((session.wants() & PERM.system) !== 0) {
    const up = String(Math.floor((core.now() - core.startedAt) / 1000));
    session.send([
      ['Event', 'FullyBooted'],
      ['Privilege', 'system,all'],
      ['Uptime', up],
      ['LastReload', String(Math.floor((core.now() - core.reloadedAt) / 1000))],
      ['Status', 'Fully Booted'],
    ]);
  }
  session.loggedInAt = core.now();
  const tv = eventTv(core.now());
  ctx.bus.emit('SuccessfulAuth', PERM.security, [
    ['EventTV', tv],
    ['Severity', 'Informational'],
    ['Service', 'AMI'],
    ['EventVersion', '1'],
    ['AccountID', user.username],
    ['SessionID', sessionIdOf(session)],
    ['LocalAddress', `IPV4/TCP/127.0.0.1/${session.localPort}`],
    ['RemoteAddress', `IPV4/TCP/${session.remoteAddress.replace(/^::ffff:/, '')}/${session.remotePort}`],
    ['UsingPassword', '0'],
    ['SessionTV', tv],
  ]);
};

function sessionIdOf(session: AmiSession): string {
  return `0x7f${(0x5b98002480 + session.id * 0x30).toString(16)}`;
}

/** The security event after an unknown action, with the fields and order recorded (mixmonitor-start-stop). */
export function requestBadFormat(core: PbxCore, bus: EventBus, session: AmiSession, action: string): void {
  bus.emit('RequestBadFormat', PERM.security, [
    ['EventTV', eventTv(core.now())],
    ['Severity', 'Error'],
    ['Service', 'AMI'],
    ['EventVersion', '1'],
    ['SessionID', sessionIdOf(session)],
    ['LocalAddress', `IPV4/TCP/127.0.0.1/${session.localPort}`],
    ['RemoteAddress', `IPV4/TCP/${session.remoteAddress.replace(/^::ffff:/, '')}/${session.remotePort}`],
    ['RequestType', `Action: ${action}`],
    ['SessionTV', eventTv(session.loggedInAt || core.now())],
    ['AccountID', session.user?.username ?? ''],
  ]);
}

export const challenge: ActionHandler = (ctx) => {
  if (ctx.get('AuthType')?.toLowerCase() !== 'md5') {
    ctx.error('Must specify AuthType');
    return;
  }
  ctx.session.challenge ??= String(ctx.core.rng.int(100000000, 999999999));
  ctx.success(undefined, [['Challenge', ctx.session.challenge]]);
};

export const logoff: ActionHandler = (ctx: ActionContext) => {
  ctx.session.respond('Goodbye', ctx.actionId, [['Message', 'Thanks for all the fish.']]);
  ctx.session.end();
};
