import type { AnyDeliveredEvent } from '@amiable/sdk';

/**
 * What the desk knows of a call beyond the live state: its recording (from `call.recording`)
 * and an attended transfer's consultation (from `call.consult`). Per call id; a call's entry
 * goes when the call ends for this agent.
 */
export interface CallExtras {
  recording: 'recording' | 'paused' | 'stopped' | null;
  /** The consultation under way: started (the customer is on hold), answered (talking to the target). */
  consult: { phase: 'started' | 'answered'; target: string | null } | null;
  /** How the last consultation ended, shown until the next one starts. */
  consultEnded: 'aborted' | 'completed' | null;
}

export type CallExtrasMap = Readonly<Record<string, CallExtras>>;

const EMPTY: CallExtras = { recording: null, consult: null, consultEnded: null };

export function callExtrasReducer(map: CallExtrasMap, event: AnyDeliveredEvent, mine: (p: { agentId: string | null; extension: string | null }) => boolean): CallExtrasMap {
  switch (event.type) {
    case 'call.recording': {
      const p = event.payload;
      if (!mine(p)) return map;
      return { ...map, [p.callId]: { ...(map[p.callId] ?? EMPTY), recording: p.state } };
    }
    case 'call.consult': {
      const p = event.payload;
      if (!mine(p)) return map;
      const current = map[p.callId] ?? EMPTY;
      const next: CallExtras =
        p.phase === 'started' || p.phase === 'answered'
          ? { ...current, consult: { phase: p.phase, target: p.target ?? current.consult?.target ?? null }, consultEnded: null }
          : { ...current, consult: null, consultEnded: p.phase };
      return { ...map, [p.callId]: next };
    }
    case 'call.ended': {
      if (!map[event.payload.callId] || !mine(event.payload)) return map;
      const { [event.payload.callId]: _gone, ...rest } = map;
      return rest;
    }
    default:
      return map;
  }
}

export function extrasOf(map: CallExtrasMap, callId: string | undefined): CallExtras {
  return (callId && map[callId]) || EMPTY;
}
