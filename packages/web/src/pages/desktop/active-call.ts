import type { AgentView, CallView } from '@amiable/protocol';
import type { LiveState } from '../../lib/live-state.ts';

/** The call this agent is on (or being offered), from the live state. */
export function activeCallOf(live: LiveState, agent: AgentView): CallView | undefined {
  if (agent.callId) {
    const call = live.calls[agent.callId];
    if (call) return call;
  }
  const mine = Object.values(live.calls).filter(
    (c) => c.agentId === agent.agentId || (agent.extension !== null && c.extension === agent.extension),
  );
  return mine.find((c) => c.state !== 'ringing' && c.state !== 'queued') ?? mine[0];
}
