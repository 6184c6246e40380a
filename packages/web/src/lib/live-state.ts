import type { AnyDeliveredEvent } from '@amiable/sdk';
import type { AgentView, CallView, PbxView, QueueView, StateSnapshot } from '@amiable/protocol';

/**
 * The live picture the desktop and the wallboard draw: the last snapshot with
 * every event since applied on top. Pure and immutable, so React can compare
 * by reference.
 */
export interface LiveState {
  agents: Readonly<Record<string, AgentView>>;
  queues: Readonly<Record<string, QueueView & { receivedAt: number }>>;
  calls: Readonly<Record<string, CallView>>;
  pbx: Readonly<Record<string, PbxView>>;
  /** Whether a snapshot has been loaded yet. */
  loaded: boolean;
}

export const emptyLiveState: LiveState = { agents: {}, queues: {}, calls: {}, pbx: {}, loaded: false };

export function fromSnapshot(snapshot: StateSnapshot, receivedAt: number): LiveState {
  return {
    agents: Object.fromEntries(snapshot.agents.map((a) => [a.agentId, a])),
    queues: Object.fromEntries(snapshot.queues.map((q) => [q.queue, { ...q, receivedAt }])),
    calls: Object.fromEntries(snapshot.calls.map((c) => [c.callId, c])),
    pbx: Object.fromEntries(snapshot.pbx.map((p) => [p.pbx, p])),
    loaded: true,
  };
}

export function applyEvent(state: LiveState, event: AnyDeliveredEvent, receivedAt: number): LiveState {
  switch (event.type) {
    case 'agent.state': {
      const p = event.payload;
      const previous = state.agents[p.agentId];
      const agent: AgentView = {
        agentId: p.agentId,
        name: p.name ?? previous?.name ?? null,
        state: p.state,
        reason: p.reason,
        since: p.since,
        extension: p.extension,
        queues: p.queues,
        wrapupEndsAt: p.wrapupEndsAt,
        pauseAfterCall: p.pauseAfterCall,
        callId: p.state === 'ringing' || p.state === 'on-call' ? (previous?.callId ?? null) : null,
        dispositionDue: p.dispositionDue ?? null,
      };
      return { ...state, agents: { ...state.agents, [p.agentId]: agent } };
    }
    case 'queue.stats':
      return { ...state, queues: { ...state.queues, [event.payload.queue]: { ...event.payload, receivedAt } } };
    case 'queue.member': {
      const p = event.payload;
      const agent = p.agentId ? state.agents[p.agentId] : undefined;
      if (!agent || (p.change !== 'added' && p.change !== 'removed')) return state;
      const queues = p.change === 'added' ? [...new Set([...agent.queues, p.queue])] : agent.queues.filter((q) => q !== p.queue);
      return { ...state, agents: { ...state.agents, [agent.agentId]: { ...agent, queues } } };
    }
    case 'call.ringing':
    case 'call.answered': {
      const p = event.payload;
      const previous = state.calls[p.callId];
      const call: CallView = {
        callId: p.callId,
        direction: p.direction,
        state: event.type === 'call.ringing' ? 'ringing' : 'talking',
        callerNumber: p.callerNumber,
        callerName: p.callerName,
        queue: p.queue,
        extension: p.extension,
        agentId: p.agentId,
        startedAt: previous?.startedAt ?? event.at,
        answeredAt: event.type === 'call.answered' ? event.payload.answeredAt : (previous?.answeredAt ?? null),
      };
      // A ring-all call rings many phones; once answered, it belongs to the answering one.
      if (event.type === 'call.ringing' && previous && previous.state !== 'ringing') return state;
      return withCallOnAgent({ ...state, calls: { ...state.calls, [p.callId]: call } }, p.agentId, p.callId);
    }
    case 'call.held':
    case 'call.unheld': {
      const call = state.calls[event.payload.callId];
      if (!call) return state;
      return { ...state, calls: { ...state.calls, [call.callId]: { ...call, state: event.type === 'call.held' ? 'held' : 'talking' } } };
    }
    case 'call.dismissed': {
      const call = state.calls[event.payload.callId];
      // Only the ringing offer to that phone goes; the call itself goes on elsewhere.
      if (call?.state !== 'ringing' || (call.extension && call.extension !== event.payload.extension)) return state;
      return withoutCall(state, call.callId);
    }
    case 'call.ended':
      return withoutCall(state, event.payload.callId);
    case 'pbx.connection': {
      const p = event.payload;
      return { ...state, pbx: { ...state.pbx, [p.pbx]: { pbx: p.pbx, state: p.state, since: p.since } } };
    }
    default:
      return state;
  }
}

function withCallOnAgent(state: LiveState, agentId: string | null, callId: string): LiveState {
  const agent = agentId ? state.agents[agentId] : undefined;
  if (!agent || agent.callId === callId) return state;
  return { ...state, agents: { ...state.agents, [agent.agentId]: { ...agent, callId } } };
}

function withoutCall(state: LiveState, callId: string): LiveState {
  if (!state.calls[callId]) return state;
  const { [callId]: _gone, ...calls } = state.calls;
  return { ...state, calls };
}

/** Longest wait shown on the wallboard: the server's figure plus the time since it was sent, while callers wait. */
export function liveLongestWait(queue: QueueView & { receivedAt: number }, now: number): number {
  if (queue.waiting === 0) return 0;
  return queue.longestWaitSeconds + Math.max(0, (now - queue.receivedAt) / 1000);
}
