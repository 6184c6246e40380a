import type { CustomerSummary } from '@amiable/protocol';
import type { AnyDeliveredEvent } from '@amiable/sdk';

/** The call card on the agent desktop: opened by `call.ringing`, closed by `call.dismissed`. */
export interface ScreenPop {
  callId: string;
  phase: 'ringing' | 'answered' | 'ended';
  direction: string;
  callerNumber: string | null;
  callerName: string | null;
  queue: string | null;
  language: string | null;
  skill: string | null;
  customer: CustomerSummary | null;
  popupUrl: string | null;
  /**
   * The caller's wait in the queue: at the ring (app_queue rings agents as soon as the caller
   * joins, so usually 0), then the final figure from `call.answered`. Show it with `waitedSeconds()`.
   */
  waitSeconds: number | null;
  ringingAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

export interface Me {
  agentId: string | null;
  extension: string | null;
}

function isMine(payload: { agentId: string | null; extension: string | null }, me: Me): boolean {
  return (me.agentId !== null && payload.agentId === me.agentId) || (me.extension !== null && payload.extension === me.extension);
}

export function popReducer(pop: ScreenPop | undefined, event: AnyDeliveredEvent, me: Me): ScreenPop | undefined {
  switch (event.type) {
    case 'call.ringing': {
      const p = event.payload;
      if (!isMine(p, me)) return pop;
      if (pop && pop.phase === 'answered' && pop.callId !== p.callId) return pop; // busy on another call
      return {
        callId: p.callId,
        phase: 'ringing',
        direction: p.direction,
        callerNumber: p.callerNumber,
        callerName: p.callerName,
        queue: p.queue,
        language: p.language,
        skill: p.skill,
        customer: p.customer,
        popupUrl: p.popupUrl,
        waitSeconds: p.waitSeconds,
        // The CRM's late answer rings the same call again: the ring started with the first one.
        ringingAt: pop?.callId === p.callId ? pop.ringingAt : event.at,
        answeredAt: null,
        endedAt: null,
      };
    }
    case 'call.answered':
      if (!pop || pop.callId !== event.payload.callId || !isMine(event.payload, me)) return pop;
      return {
        ...pop,
        phase: 'answered',
        answeredAt: event.payload.answeredAt,
        waitSeconds: event.payload.waitSeconds ?? pop.waitSeconds,
      };
    case 'call.dismissed':
      // Answered by another agent, or the caller left: the pop closes by itself.
      if (!pop || pop.callId !== event.payload.callId || pop.phase !== 'ringing') return pop;
      return isMine(event.payload, me) ? undefined : pop;
    case 'call.ended':
      if (!pop || pop.callId !== event.payload.callId) return pop;
      if (pop.phase === 'ringing') return undefined;
      return { ...pop, phase: 'ended', endedAt: event.at };
    default:
      return pop;
  }
}

/**
 * How long the caller has waited: while ringing, the wait at the ring plus the ringing time so
 * far (the caller is still waiting); once answered, the wait the server measured up to the
 * answer. Null for calls that did not come through a queue.
 */
export function waitedSeconds(pop: ScreenPop, now: number): number | null {
  if (pop.waitSeconds === null) return null;
  if (pop.phase !== 'ringing') return pop.waitSeconds;
  const rang = Date.parse(pop.ringingAt);
  return pop.waitSeconds + (Number.isNaN(rang) ? 0 : Math.max(0, Math.floor((now - rang) / 1000)));
}
