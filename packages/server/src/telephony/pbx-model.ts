import type { AmiMessage } from '@amiable/ami';
import type { Call } from './call.ts';
import type { DomainChange } from './changes.ts';
import { DeviceDirectory, type DeviceDirectoryOptions } from './device-directory.ts';
import { reduce } from './reducer.ts';
import type { Bridge, Channel, DeviceStateEntry, EpochMs, ExtensionStateEntry, PbxId, QueueState } from './types.ts';

export interface PbxModelDeps {
  readonly pbx: PbxId;
  /** Share one directory between a model and its resync replacement. */
  readonly directory?: DeviceDirectory;
  readonly directoryOptions?: DeviceDirectoryOptions;
}

/** How many hung-up Uniqueids to remember, so late events for them are not mistaken for unknown channels. */
const RECENT_LIMIT = 4096;

/**
 * The live telephony state of one Asterisk server. `apply()` is the reducer:
 * deterministic, no I/O, the clock is an argument. Everything else reads.
 * The maps are exposed read-only by convention; only the reducer writes.
 */
export class PbxModel {
  readonly pbx: PbxId;
  readonly directory: DeviceDirectory;
  readonly channels = new Map<string, Channel>();
  readonly bridges = new Map<string, Bridge>();
  readonly calls = new Map<string, Call>();
  readonly queues = new Map<string, QueueState>();
  readonly devices = new Map<string, DeviceStateEntry>();
  /** Keyed by extension number. */
  readonly extensions = new Map<string, ExtensionStateEntry>();
  /** Uniqueids hung up recently (insertion-ordered, bounded). */
  readonly recentlyHungUp = new Set<string>();

  constructor(deps: PbxModelDeps) {
    this.pbx = deps.pbx;
    this.directory = deps.directory ?? new DeviceDirectory(deps.directoryOptions);
  }

  /** Apply one live AMI event; `now` defaults to the message's receive time. */
  apply(msg: AmiMessage, now: EpochMs = msg.receivedAt): readonly DomainChange[] {
    return reduce(this, msg, now);
  }

  queue(name: string): QueueState {
    let q = this.queues.get(name);
    if (q === undefined) {
      q = { name, members: new Map(), callers: new Map(), strategy: null };
      this.queues.set(name, q);
    }
    return q;
  }

  rememberHangup(uniqueid: string): void {
    this.recentlyHungUp.add(uniqueid);
    if (this.recentlyHungUp.size > RECENT_LIMIT) {
      const oldest = this.recentlyHungUp.values().next().value;
      if (oldest !== undefined) this.recentlyHungUp.delete(oldest);
    }
  }
}
