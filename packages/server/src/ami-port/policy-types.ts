import type { ActionHeaders } from './action-headers.ts';
import type { TrackedChannel } from './call-tracker.ts';
import type { ClientScope } from './scope.ts';
import type { Pairs } from './wire.ts';

/** What a permitted write action turns into: fresh headers built by the policy, never the client's own. */
export interface ForwardPlan {
  pbxId: string;
  /** Usually one action; a QueuePause without Queue becomes one per queue in the client's scope. */
  actions: Pairs[];
}

export interface PolicyContext {
  scope: ClientScope;
  allowedContext: string | undefined;
  /** Where actions not tied to a channel go: the PBX of the client's agent, else the default PBX. */
  defaultPbxId: string;
  /** What the client may act on, on the PBX of a channel (default: `scope`). */
  actOn?(pbxId: string): ClientScope;
  /** A live channel by name or Uniqueid, on whichever PBX has it. */
  findChannel(nameOrUniqueid: string): { pbxId: string; channel: TrackedChannel } | undefined;
}

/** Checks one action against the allow-list and the client's scope; throws AmiPortError when refused. */
export type ActionPolicy = (headers: ActionHeaders, ctx: PolicyContext) => ForwardPlan;
