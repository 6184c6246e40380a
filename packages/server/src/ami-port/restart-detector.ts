import type { AmiMessage } from '@amiable/ami';

/** A boot this much later than the last one seen means Asterisk restarted. */
const SLACK_MS = 5000;

/**
 * Tells an Asterisk restart from a mere reconnect: FullyBooted carries the uptime,
 * so receive time minus uptime is the boot time, which only moves on a restart.
 * After a restart channel names and Uniqueid counters repeat, so state built from
 * events must be dropped.
 */
export class RestartDetector {
  #bootedAt: number | undefined;

  /** True when `msg` is a FullyBooted that reports a later boot than the previous one. */
  isRestart(msg: AmiMessage): boolean {
    if (msg.event !== 'FullyBooted') return false;
    const uptime = Number(msg.get('Uptime'));
    if (!Number.isFinite(uptime)) return false;
    const bootedAt = msg.receivedAt - uptime * 1000;
    const restarted = this.#bootedAt !== undefined && bootedAt > this.#bootedAt + SLACK_MS;
    this.#bootedAt = bootedAt;
    return restarted;
  }
}
