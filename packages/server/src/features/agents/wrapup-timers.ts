/** One timer per agent in wrap-up; firing it makes the agent ready again. */
export class WrapupTimers {
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #clock: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  readonly #onExpire: (agentId: string) => void;

  constructor(clock: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout }, onExpire: (agentId: string) => void) {
    this.#clock = clock;
    this.#onExpire = onExpire;
  }

  start(agentId: string, ms: number): void {
    this.clear(agentId);
    const timer = this.#clock.setTimeout(() => {
      this.#timers.delete(agentId);
      this.#onExpire(agentId);
    }, ms);
    timer.unref?.();
    this.#timers.set(agentId, timer);
  }

  has(agentId: string): boolean {
    return this.#timers.has(agentId);
  }

  clear(agentId: string): void {
    const timer = this.#timers.get(agentId);
    if (timer !== undefined) {
      this.#clock.clearTimeout(timer);
      this.#timers.delete(agentId);
    }
  }

  clearAll(): void {
    for (const id of [...this.#timers.keys()]) this.clear(id);
  }
}
