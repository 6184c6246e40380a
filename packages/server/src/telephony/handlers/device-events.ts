import type { AmiMessage } from '@amiable/ami';
import type { DomainChange } from '../changes.ts';
import { field, int, text } from '../fields.ts';
import type { PbxModel } from '../pbx-model.ts';
import type { EpochMs } from '../types.ts';

/**
 * DeviceStateChange. Items of a DeviceStateList answer carry the same name
 * and an ActionID; they belong to the snapshot path, not here. app_queue's
 * pseudo-devices (`Queue:lang-en_avail`, ...) are kept but map to no extension.
 */
export function onDeviceStateChange(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  if (field(msg, 'ActionID') !== undefined) return;
  const device = field(msg, 'Device');
  const state = field(msg, 'State');
  if (device === undefined || state === undefined) return;
  const entry = model.devices.get(device);
  if (entry !== undefined) {
    if (entry.state === state) return;
    entry.state = state;
    entry.since = now;
  } else {
    model.devices.set(device, { device, state, since: now });
  }
  const extension = device.startsWith('Queue:') ? null : model.directory.extensionOf(device);
  out.push({ type: 'device-state', pbx: model.pbx, at: now, device, state, extension });
}

/** ExtensionStatus (hint state). Also teaches the directory which devices serve which extension. */
export function onExtensionStatus(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  if (field(msg, 'ActionID') !== undefined) return;
  const exten = field(msg, 'Exten');
  if (exten === undefined || exten === '') return;
  const context = text(msg, 'Context');
  const hint = text(msg, 'Hint');
  const status = int(msg, 'Status') ?? -1;
  const statusText = text(msg, 'StatusText');
  model.directory.learnHint(exten, hint);
  const entry = model.extensions.get(exten);
  if (entry !== undefined) {
    if (entry.status === status && entry.hint === hint) return;
    Object.assign(entry, { context, hint, status, statusText, since: now });
  } else {
    model.extensions.set(exten, { exten, context, hint, status, statusText, since: now });
  }
  out.push({ type: 'extension-state', pbx: model.pbx, at: now, extension: exten, context, hint, status, statusText });
}
