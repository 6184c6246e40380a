import type { Bridge } from '../model/bridge.ts';
import type { Channel } from '../model/channel.ts';
import type { PbxCore } from './core.ts';
import { bridgeCreate, bridgeEnter } from './events.ts';
import { varset } from './noise.ts';

const pvtIds = new WeakMap<Channel, string>();

/** The SIP Call-ID style private id of a PJSIP leg (BRIDGEPVTCALLID). */
export function pvtCallId(core: PbxCore, ch: Channel): string {
  let id = pvtIds.get(ch);
  if (id === undefined) {
    id = core.rng.uuid();
    pvtIds.set(ch, id);
  }
  return id;
}

/**
 * BRIDGEPEER on each side; BRIDGEPVTCALLID only on a channel whose peer is a
 * PJSIP leg (Local channels have no private call id). `first` is set first.
 */
export function setPeerVars(core: PbxCore, first: Channel, second: Channel, clear = false): void {
  for (const [ch, peer] of [
    [first, second],
    [second, first],
  ] as const) {
    varset(core, ch, 'BRIDGEPEER', clear ? '' : peer.name);
    if (peer.kind === 'pjsip') varset(core, ch, 'BRIDGEPVTCALLID', clear ? '' : pvtCallId(core, peer));
  }
}

/**
 * A basic two-party bridge as the Queue and Dial applications build it:
 * BridgeCreate, the callee enters, then the caller; then BRIDGEPEER variables
 * (callee first).
 */
export function bridgeTwo(
  core: PbxCore,
  callee: Channel,
  caller: Channel,
  hooks: { beforeEnter?: (() => void) | undefined; afterEnter?: (() => void) | undefined } = {},
): Bridge {
  const b = core.newBridge();
  bridgeCreate(core, b);
  hooks.beforeEnter?.();
  bridgeEnter(core, b, callee);
  bridgeEnter(core, b, caller);
  hooks.afterEnter?.();
  setPeerVars(core, callee, caller);
  for (const ch of [callee, caller]) if (ch.linkedid !== caller.linkedid) ch.linkedid = caller.linkedid;
  return b;
}
