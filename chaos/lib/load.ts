import type { SimulatedPbx } from '@amiable/pbx-sim';

export interface Load {
  /** AMI events the load asked the PBX for so far. */
  readonly produced: number;
  /** Events per second achieved while running (not paused). */
  readonly rate: number;
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * AMI traffic at a steady rate: dynamic members of extensions 9000-9099 (no agent
 * signed in there) join and leave the `support` queue, each change one
 * QueueMemberAdded / QueueMemberRemoved event, paced by the clock.
 */
export function startMemberChurn(sim: SimulatedPbx, eventsPerSecond: number): Load {
  const inQueue = new Set<string>();
  let next = 0;
  let produced = 0;
  let paused = false;
  let runningMs = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    if (!paused) runningMs += now - last;
    last = now;
    if (paused) return;
    // Catch up with the clock (timers run late on a busy machine), at most 100 ms worth at once.
    const due = Math.min(Math.floor((runningMs * eventsPerSecond) / 1000) - produced, eventsPerSecond / 10);
    for (let i = 0; i < due; i++) {
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
    get rate() {
      return runningMs > 0 ? Math.round((produced * 1000) / runningMs) : 0;
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
