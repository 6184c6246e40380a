import type { AmiMessage } from '@amiable/ami';
import { CallTracker, type TrackedChannel } from './call-tracker.ts';
import type { EventFacts } from './event-facts.ts';
import { createExtensionResolver } from './scope.ts';
import type { ScopeView } from './scope-filter.ts';

/** One call tracker (and its scope view) per PBX, created on the PBX's first event. */
export class PbxStates {
  readonly #views = new Map<string, ScopeView>();
  readonly #pattern: RegExp;

  constructor(extensionPattern: RegExp) {
    this.#pattern = extensionPattern;
  }

  view(pbxId: string): ScopeView {
    let view = this.#views.get(pbxId);
    if (!view) {
      const tracker = new CallTracker();
      view = { tracker, resolver: createExtensionResolver(this.#pattern, (d) => tracker.hintExtension(d)) };
      this.#views.set(pbxId, view);
    }
    return view;
  }

  apply(pbxId: string, msg: AmiMessage, facts: EventFacts): ScopeView {
    const view = this.view(pbxId);
    view.tracker.apply(msg, facts);
    return view;
  }

  /** A live channel by name (or Uniqueid, which Asterisk accepts in `Channel:` too). */
  findChannel(nameOrUniqueid: string): { pbxId: string; channel: TrackedChannel } | undefined {
    for (const [pbxId, view] of this.#views) {
      const channel = view.tracker.channelByName(nameOrUniqueid) ?? view.tracker.channel(nameOrUniqueid);
      if (channel) return { pbxId, channel };
    }
    return undefined;
  }

  /** Forget the calls of one PBX (its hints are kept). */
  reset(pbxId: string): void {
    this.#views.get(pbxId)?.tracker.reset();
  }

  clear(): void {
    this.#views.clear();
  }
}
