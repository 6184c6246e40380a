import { AmiInvalidArgumentError } from '../errors.ts';
import type { AmiAction } from './action.ts';
import { concreteChannel, label } from './validate.ts';

export interface MixMonitorParams {
  channel: string;
  /** Recording file name, e.g. `cti/2026/call-1795671580.0.wav`. No `..`. */
  file?: string;
  /** MixMonitor option letters, e.g. `b` (bridged audio only). No arguments. */
  options?: string;
}

/**
 * MixMonitor: start recording a channel. Never sends `Command:` (a shell
 * command run when recording stops), so no caller can reach the shell.
 */
export function mixMonitorAction(p: MixMonitorParams): AmiAction {
  let file: string | undefined;
  if (p.file !== undefined) {
    file = label(p.file, 'File', 255);
    if (!/^[A-Za-z0-9_\-./]+$/.test(file) || file.split('/').includes('..')) {
      throw new AmiInvalidArgumentError('File must be a plain path without ..', { field: 'File', value: file });
    }
  }
  if (p.options !== undefined && !/^[A-Za-z]{0,16}$/.test(p.options)) {
    throw new AmiInvalidArgumentError('Options must be option letters only', { field: 'Options', value: p.options });
  }
  return {
    Action: 'MixMonitor',
    Channel: concreteChannel(p.channel),
    File: file,
    Options: p.options === '' ? undefined : p.options,
  };
}

/** StopMixMonitor: stop a recording on a channel (optionally one MixMonitorID). */
export function stopMixMonitorAction(p: { channel: string; mixMonitorId?: string }): AmiAction {
  return {
    Action: 'StopMixMonitor',
    Channel: concreteChannel(p.channel),
    MixMonitorID: p.mixMonitorId === undefined ? undefined : label(p.mixMonitorId, 'MixMonitorID', 128),
  };
}

/**
 * MixMonitorMute: silence (`state: true`) or restore a running recording. Asterisk 22 has no
 * PauseMonitor/UnpauseMonitor (they went with the removed Monitor application); muting keeps the
 * file running with silence, so "pause recording" is built on it.
 */
export function mixMonitorMuteAction(p: { channel: string; state: boolean; direction?: 'read' | 'write' | 'both' }): AmiAction {
  const direction = p.direction ?? 'both';
  if (direction !== 'read' && direction !== 'write' && direction !== 'both') {
    throw new AmiInvalidArgumentError('Direction must be read, write or both', { field: 'Direction', value: String(direction) });
  }
  return { Action: 'MixMonitorMute', Channel: concreteChannel(p.channel), Direction: direction, State: p.state ? '1' : '0' };
}
