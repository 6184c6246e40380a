import type { StateSnapshot } from '@amiable/protocol';
import { type Viewer, viewerSees } from './router/viewer.ts';

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/**
 * The part of the live state a client may see, by the same rule as the event stream: an agent is
 * visible where its `agent.state` events would be, a queue where its `queue.stats` would be, a
 * call where its `call.ringing` would be.
 */
export function visibleState(viewer: Viewer, state: StateSnapshot): StateSnapshot {
  return {
    at: state.at,
    pbx: state.pbx.filter(() => viewerSees(viewer, 'pbx.connection', {})),
    agents: state.agents.filter((a) =>
      viewerSees(viewer, 'agent.state', { agent: a.agentId, extension: opt(a.extension) }),
    ),
    queues: state.queues.filter((q) => viewerSees(viewer, 'queue.stats', { queue: q.queue })),
    calls: state.calls.filter((c) =>
      viewerSees(viewer, 'call.ringing', {
        extension: opt(c.extension),
        agent: opt(c.agentId),
        queue: opt(c.queue),
      }),
    ),
  };
}
