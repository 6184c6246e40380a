/**
 * Today's per-queue counters for the wallboard: answered, abandoned, service
 * level and average wait/talk. Kept in memory, reset at local midnight, and
 * seeded from the call records at start so a restart does not zero the board.
 */
export interface QueueDay {
  answered: number;
  abandoned: number;
  answeredWithinSl: number;
  waitSum: number;
  talkSum: number;
}

export class QueueDayStats {
  #day: string;
  readonly #queues = new Map<string, QueueDay>();
  readonly #slSeconds: (queue: string) => number;
  readonly #now: () => number;

  constructor(slSeconds: (queue: string) => number, now: () => number) {
    this.#slSeconds = slSeconds;
    this.#now = now;
    this.#day = this.#dayOf(now());
  }

  record(queue: string, outcome: 'answered' | 'abandoned' | 'other', waitSeconds: number, talkSeconds: number): void {
    const q = this.#get(queue);
    if (outcome === 'answered') {
      q.answered++;
      q.waitSum += waitSeconds;
      q.talkSum += talkSeconds;
      if (waitSeconds <= this.#slSeconds(queue)) q.answeredWithinSl++;
    } else if (outcome === 'abandoned') {
      q.abandoned++;
    }
  }

  view(queue: string): { answeredToday: number; abandonedToday: number; serviceLevel: number | null; serviceLevelSeconds: number; avgWaitSeconds: number | null; avgTalkSeconds: number | null } {
    const q = this.#get(queue);
    const offered = q.answered + q.abandoned;
    return {
      answeredToday: q.answered,
      abandonedToday: q.abandoned,
      // Service level: answered within the threshold over all answered and abandoned calls.
      serviceLevel: offered === 0 ? null : Math.round((q.answeredWithinSl / offered) * 1000) / 10,
      serviceLevelSeconds: this.#slSeconds(queue),
      avgWaitSeconds: q.answered === 0 ? null : Math.round((q.waitSum / q.answered) * 10) / 10,
      avgTalkSeconds: q.answered === 0 ? null : Math.round((q.talkSum / q.answered) * 10) / 10,
    };
  }

  #get(queue: string): QueueDay {
    const day = this.#dayOf(this.#now());
    if (day !== this.#day) {
      this.#day = day;
      this.#queues.clear();
    }
    let q = this.#queues.get(queue);
    if (!q) {
      q = { answered: 0, abandoned: 0, answeredWithinSl: 0, waitSum: 0, talkSum: 0 };
      this.#queues.set(queue, q);
    }
    return q;
  }

  #dayOf(ms: number): string {
    const d = new Date(ms);
    return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  }
}
