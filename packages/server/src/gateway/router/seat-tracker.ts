import type { AgentView, EventPayload } from '@amiable/protocol';
import type { LiveReach } from './live-reach.ts';
import type { PublishedEvent } from './types.ts';
import { pbxKey } from './viewer.ts';

interface Seat {
  pbx: string;
  /** Null once the agent signed out. */
  extension: string | null;
  /** The queues the agent is in, or was in when they signed out. */
  queues: readonly string[];
}

/**
 * Where each agent sits and which queues they are in, followed from the agent events that pass
 * through the router (`agent.session`, `agent.state`), so a gateway knows it on any node without
 * asking the agent workflow. `seed` takes a snapshot's agents when a gateway starts late.
 * An agent who signs out keeps their last queues, so the watchers of those queues see them
 * sign out and sign in again.
 */
export function createSeatTracker() {
  const seats = new Map<string, Seat>();

  const put = (agentId: string, next: Seat): boolean => {
    const before = seats.get(agentId);
    seats.set(agentId, next);
    return !before || before.pbx !== next.pbx || before.extension !== next.extension || before.queues.join() !== next.queues.join();
  };

  const tracker = {
    seatOf(agentId: string) {
      const seat = seats.get(agentId);
      return seat?.extension ? { pbx: seat.pbx, extension: seat.extension } : undefined;
    },
    memberOf(agentId: string): readonly string[] {
      const seat = seats.get(agentId);
      return seat ? seat.queues.map((q) => pbxKey(seat.pbx, q)) : [];
    },

    /** Follows one event. Returns the agent whose seat or queues changed, if any. */
    observe(event: PublishedEvent): string | undefined {
      if (!event.pbx) return undefined;
      if (event.type === 'agent.state') {
        const p = event.payload as EventPayload<'agent.state'>;
        const out = p.state === 'logged-out' || !p.extension;
        const queues = out ? (seats.get(p.agentId)?.queues ?? []) : p.queues;
        return put(p.agentId, { pbx: event.pbx, extension: out ? null : p.extension, queues }) ? p.agentId : undefined;
      }
      if (event.type === 'agent.session') {
        const p = event.payload as EventPayload<'agent.session'>;
        const queues = seats.get(p.agentId)?.queues ?? [];
        const extension = p.action === 'signed-out' ? null : p.extension;
        return put(p.agentId, { pbx: event.pbx, extension, queues }) ? p.agentId : undefined;
      }
      return undefined;
    },

    /** Takes the agents of a snapshot (those with a PBX and an extension). */
    seed(agents: readonly AgentView[]): string[] {
      const moved: string[] = [];
      for (const a of agents) {
        if (!a.pbx || !a.extension || a.state === 'logged-out') continue;
        if (put(a.agentId, { pbx: a.pbx, extension: a.extension, queues: a.queues })) moved.push(a.agentId);
      }
      return moved;
    },
  } satisfies LiveReach & Record<string, unknown>;
  return tracker;
}
export type SeatTracker = ReturnType<typeof createSeatTracker>;
