import type { CtiEvent } from '@amiable/protocol';

const AT = '2025-01-01T09:00:00.000Z';

export function agentState(agentId: string, extension: string | null, state: 'ready' | 'paused' = 'ready'): CtiEvent {
  return {
    type: 'agent.state',
    at: AT,
    pbx: 'pbx1',
    payload: {
      agentId,
      name: null,
      state,
      previousState: null,
      reason: null,
      since: AT,
      extension,
      queues: [],
      wrapupEndsAt: null,
      pauseAfterCall: null,
    },
  };
}

export function ringing(callId: string, extension: string, agentId: string | null, queue: string | null): CtiEvent {
  return {
    type: 'call.ringing',
    at: AT,
    pbx: 'pbx1',
    payload: {
      callId,
      extension,
      agentId,
      queue,
      direction: 'inbound',
      callerNumber: '+4420794600',
      callerName: 'Customer',
      language: 'en',
      skill: null,
      customer: null,
      popupUrl: null,
      waitSeconds: 3,
    },
  };
}

export function pbxConnection(state: 'ready' | 'reconnecting'): CtiEvent {
  return { type: 'pbx.connection', at: AT, pbx: 'pbx1', payload: { pbx: 'pbx1', state, since: AT, error: null } };
}
