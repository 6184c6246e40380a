import { AmiInvalidArgumentError } from '../errors.ts';
import type { AmiAction } from './action.ts';
import { originateAction } from './originate.ts';
import { concreteChannel } from './validate.ts';

export type ChanSpyMode = 'listen' | 'whisper' | 'barge';

/** ChanSpy option letters per mode: listen only, whisper to the agent, or talk to both parties. */
export const CHANSPY_MODE_OPTIONS: Readonly<Record<ChanSpyMode, string>> = { listen: '', whisper: 'w', barge: 'B' };

/**
 * Fixed options: `u` (the target is an exact channel name or Uniqueid, not a
 * prefix), `q` (no beep or announcement), `E` (leave when the target hangs up).
 */
const BASE_OPTIONS = 'uqE';

export interface ChanSpyParams {
  /** The supervisor's device to ring, e.g. `PJSIP/2001`. */
  supervisor: string;
  /** The channel to monitor: full name or Uniqueid. */
  target: string;
  mode: ChanSpyMode;
  callerId?: { name?: string; number: string } | string;
  timeoutMs?: number;
  channelId?: string;
}

/**
 * Supervisor listen / whisper / barge: an Originate that rings the supervisor
 * and then runs ChanSpy on the target. The Data string is built here from a
 * validated channel and fixed option letters; nothing else goes into it.
 */
export function chanSpyAction(p: ChanSpyParams): AmiAction {
  const options = CHANSPY_MODE_OPTIONS[p.mode];
  if (options === undefined) {
    throw new AmiInvalidArgumentError('mode must be listen, whisper or barge', { field: 'mode', value: String(p.mode) });
  }
  const target = concreteChannel(p.target, 'target');
  return originateAction(
    {
      channel: p.supervisor,
      application: 'ChanSpy',
      data: `${target},${BASE_OPTIONS}${options}`,
      callerId: p.callerId,
      timeoutMs: p.timeoutMs,
      channelId: p.channelId,
    },
    { allowedApplications: ['ChanSpy'] },
  );
}
