import type { StateSnapshot } from '@amiable/protocol';
import { type Viewer, viewerSees } from './router/viewer.ts';

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** The queues an agent is a member of now, as PBX keys (the router's `memberOf`). */
export type MemberOf = (agentId: string) => readonly string[];

/**
 * The part of the live state a client may see, by the same rule as the event stream: an agent is
 * visible where its `agent.state` events would be, a queue where its `queue.stats` would be, a
 * call where its `call.ringing` would be, each on its own PBX.
 */
export function visibleState(viewer: Viewer, state: StateSnapshot, memberOf: MemberOf = () => []): StateSnapshot {
  return {
    at: state.at,
    pbx: state.pbx.filter(() => viewerSees(viewer, 'pbx.connection', {})),
    agents: state.agents.filter((a) =>
      viewerSees(
        viewer,
        'agent.state',
        { pbx: opt(a.pbx), agent: a.agentId, extension: opt(a.extension) },
        viewer.seesQueueMembers ? memberOf(a.agentId) : undefined,
      ),
    ),
    queues: state.queues.filter((q) => viewerSees(viewer, 'queue.stats', { pbx: opt(q.pbx), queue: q.queue })),
    calls: state.calls.filter((c) =>
      viewerSees(
        viewer,
        'call.ringing',
        { pbx: opt(c.pbx), extension: opt(c.extension), agent: opt(c.agentId), queue: opt(c.queue) },
        c.agentId && viewer.seesQueueMembers ? memberOf(c.agentId) : undefined,
      ),
    ),
  };
}
