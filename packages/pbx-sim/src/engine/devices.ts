import { isAvailable } from '../model/queue.ts';
import type { PbxCore } from './core.ts';
import { deviceStateChange, extensionStatus, queueMemberEvent } from './events.ts';

/** Device state tokens → member Status numbers (enum ast_device_state). */
export const DEVICE_STATUS: Record<string, number> = {
  UNKNOWN: 0,
  NOT_INUSE: 1,
  INUSE: 2,
  BUSY: 3,
  INVALID: 4,
  UNAVAILABLE: 5,
  RINGING: 6,
  RINGINUSE: 7,
  ONHOLD: 8,
};

/** Device state tokens → ExtensionStatus hint states. */
const HINT_STATUS: Record<string, [number, string]> = {
  NOT_INUSE: [0, 'Idle'],
  INUSE: [1, 'InUse'],
  BUSY: [2, 'Busy'],
  UNAVAILABLE: [4, 'Unavailable'],
  RINGING: [8, 'Ringing'],
  RINGINUSE: [9, 'InUse&Ringing'],
  ONHOLD: [16, 'Hold'],
};

export function hintOf(token: string): [number, string] {
  return HINT_STATUS[token] ?? [-1, 'Unknown'];
}

/** Aggregate state of an endpoint from its live legs. */
export function endpointToken(core: PbxCore, endpoint: string): string {
  let up = false;
  let ringing = false;
  for (const ch of core.legsOf(endpoint)) {
    if (ch.state === 6) up = true;
    else if (ch.state === 5) ringing = true;
  }
  if (up && ringing) return 'RINGINUSE';
  if (up) return 'INUSE';
  if (ringing) return 'RINGING';
  return 'NOT_INUSE';
}

/**
 * Recompute an endpoint's state; on a change emit ExtensionStatus (its hint),
 * DeviceStateChange, one QueueMemberStatus per queue it is a member of, and the
 * queues' `_avail` pseudo-device when that changes too.
 */
export function refreshEndpoint(core: PbxCore, endpoint: string): void {
  const device = `PJSIP/${endpoint}`;
  const token = endpointToken(core, endpoint);
  if (core.devices.get(device) === token) return;
  const [status, text] = hintOf(token);
  extensionStatus(core, endpoint, 'internal', device, status, text);
  deviceStateChange(core, device, token);
  const touched: string[] = [];
  for (const q of core.queues.values()) {
    for (const m of q.members) {
      if (m.stateInterface !== device) continue;
      m.status = DEVICE_STATUS[token] ?? 0;
      queueMemberEvent(core, 'QueueMemberStatus', m);
      touched.push(q.config.name);
    }
  }
  for (const name of touched) refreshQueueAvail(core, name);
  if (token === 'NOT_INUSE') for (const name of touched) core.hooks.memberFreed(name);
}

/** `Queue:<name>_avail`: NOT_INUSE while some member could take a call, INUSE otherwise. */
export function refreshQueueAvail(core: PbxCore, queue: string): void {
  const q = core.queues.get(queue);
  if (!q) return;
  const now = core.now();
  const token = q.members.some((m) => isAvailable(m, now)) ? 'NOT_INUSE' : 'INUSE';
  const device = `Queue:${queue}_avail`;
  if (core.devices.get(device) !== token) deviceStateChange(core, device, token);
}

/** `Queue:<name>`: RINGING while callers wait, NOT_INUSE when none. */
export function refreshQueueCallers(core: PbxCore, queue: string): void {
  const q = core.queues.get(queue);
  if (!q) return;
  const token = q.entries.length > 0 ? 'RINGING' : 'NOT_INUSE';
  const device = `Queue:${queue}`;
  if (core.devices.get(device) !== token) deviceStateChange(core, device, token);
}

/** Local/<exten>@<context> device: INUSE twice on answer, NOT_INUSE as each half goes. */
export function localDevice(core: PbxCore, device: string, token: 'INUSE' | 'NOT_INUSE'): void {
  deviceStateChange(core, device, token);
}
