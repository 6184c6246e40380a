import { dateOnly, epochMicros, timeOnly } from '../../util/format.ts';
import { parseEventMask } from '../permissions.ts';
import type { ActionHandler } from './types.ts';

export const AMI_VERSION = '11.0.0';
export const ASTERISK_VERSION = '22.10.1';

export const ping: ActionHandler = (ctx) => {
  ctx.success(undefined, [
    ['Ping', 'Pong'],
    ['Timestamp', epochMicros(ctx.core.now())],
  ]);
};

/** Events: EventMask on|off|<classes>|<bitmask>; answers `Events: On|Off` and no Message. */
export const events: ActionHandler = (ctx) => {
  const mask = ctx.get('EventMask');
  if (mask !== undefined) ctx.session.mask = parseEventMask(mask);
  ctx.success(undefined, [['Events', ctx.session.mask !== 0 ? 'On' : 'Off']]);
};

export const coreSettings: ActionHandler = (ctx) => {
  ctx.success(undefined, [
    ['AMIversion', AMI_VERSION],
    ['AsteriskVersion', ASTERISK_VERSION],
    ['SystemName', ''],
    ['CoreMaxCalls', '500'],
    ['CoreMaxLoadAvg', '0.000000'],
    ['CoreRunUser', ''],
    ['CoreRunGroup', ''],
    ['CoreMaxFilehandles', '0'],
    ['CoreRealTimeEnabled', 'No'],
    ['CoreCDRenabled', ctx.config.noise.cdr ? 'Yes' : 'No'],
    ['CoreHTTPenabled', 'No'],
    ['SoundsSearchCustomDir', 'No'],
  ]);
};

/** CoreStatus: the startup date/time changes on every (simulated) restart. */
export const coreStatus: ActionHandler = (ctx) => {
  const { core } = ctx;
  ctx.success(undefined, [
    ['CoreStartupDate', dateOnly(core.startedAt)],
    ['CoreStartupTime', timeOnly(core.startedAt)],
    ['CoreReloadDate', dateOnly(core.reloadedAt)],
    ['CoreReloadTime', timeOnly(core.reloadedAt)],
    ['CoreCurrentCalls', String(core.channels.size)],
    ['CoreProcessedCalls', String(core.processedCalls)],
  ]);
};

/** Command: only `core show version` is answered; other CLI commands are unknown here. */
export const command: ActionHandler = (ctx) => {
  const cmd = (ctx.get('Command') ?? '').trim();
  const out =
    cmd === 'core show version'
      ? `Asterisk ${ASTERISK_VERSION} built by amiable @ pbx-sim on a x86_64 running Linux`
      : `No such command '${cmd}' (type 'core show help ${cmd}' for other possible commands)`;
  ctx.success('Command output follows', [['Output', out]]);
};

export const listCommands =
  (names: readonly string[]): ActionHandler =>
  (ctx) => {
    ctx.success(
      undefined,
      names.map((n) => [n, `${n} (Priv: see manager.conf)`] as [string, string]),
    );
  };
