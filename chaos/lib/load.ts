import type { SimulatedPbx } from '@amiable/pbx-sim';

export interface Load {
  /** AMI events the load asked the PBX for so far. */
  readonly produced: number;
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * AMI traffic at a steady rate: dynamic members of extensions 9000-9099 (no agent
 * signed in there) join and leave the `support` queue, each change one
 * QueueMemberAdded / QueueMemberRemoved event, every 10 ms.
 */
export function startMemberChurn(sim: SimulatedPbx, eventsPerSecond: number): Load {
  const perTick = Math.max(1, Math.round(eventsPerSecond / 100));
  const inQueue = new Set<string>();
  let next = 0;
  let produced = 0;
  let paused = false;
  const timer = setInterval(() => {
    if (paused) return;
    for (let i = 0; i < perTick; i++) {
      const endpoint = String(9000 + (next++ % 100));
      try {
        if (inQueue.has(endpoint)) {
          sim.removeMember('support', endpoint);
          inQueue.delete(endpoint);
        } else {
          sim.addMember('support', endpoint, { memberName: `Load ${endpoint}` });
          inQueue.add(endpoint);
        }
        produced++;
      } catch {
        // The PBX restarted under us (its members are gone): start over.
        inQueue.clear();
      }
    }
  }, 10);
  return {
    get produced() {
      return produced;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
