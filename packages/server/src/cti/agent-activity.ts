import { channelsOfExtension, type PbxModel } from '../telephony/index.ts';

export interface Activity {
  state: 'ringing' | 'on-call' | null;
  callId: string | null;
}

/**
 * What the phone at an extension is doing, from the live model: a channel that is
 * up (6) or dialling out (4) means on a call; one that rings (5) means ringing.
 */
export function activityOf(model: PbxModel | undefined, extension: string): Activity {
  if (!model) return { state: null, callId: null };
  let ringing: string | null = null;
  for (const ch of channelsOfExtension(model, extension)) {
    if (ch.state === 6 || ch.state === 4) return { state: 'on-call', callId: ch.linkedid };
    if (ch.state === 5 && ringing === null) ringing = ch.linkedid;
  }
  return ringing === null ? { state: null, callId: null } : { state: 'ringing', callId: ringing };
}
