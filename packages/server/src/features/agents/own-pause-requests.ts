/**
 * The pause changes this server has asked Asterisk for and not yet seen confirmed. Asterisk's
 * QueueMemberPause events look the same whoever paused (no ActionID, user or session), so an event
 * that matches none of these came from another AMI application.
 */
export class OwnPauseRequests {
  /** `${pbx}|${iface}` → the pause state asked for, with how many requests are in flight. */
  readonly #pending = new Map<string, { paused: boolean; count: number }>();

  /** Runs `send` while the request is known as ours. */
  async around<T>(pbx: string, iface: string, paused: boolean, send: () => Promise<T>): Promise<T> {
    const key = `${pbx}|${iface}`;
    const entry = this.#pending.get(key);
    if (entry && entry.paused === paused) entry.count++;
    else this.#pending.set(key, { paused, count: 1 });
    try {
      return await send();
    } finally {
      const now = this.#pending.get(key);
      if (now && now.paused === paused && --now.count <= 0) this.#pending.delete(key);
    }
  }

  /** True when a QueueMemberPause with this state answers one of our own requests. */
  isOurs(pbx: string, iface: string, paused: boolean): boolean {
    return this.#pending.get(`${pbx}|${iface}`)?.paused === paused;
  }
}
