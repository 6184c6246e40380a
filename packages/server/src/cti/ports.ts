import type { CtiEvent, CustomerSummary } from '@amiable/protocol';
import type { SignedInAgent } from '../contact-center/signed-in-agent.ts';

/** The signed-in agents as the projector reads them (the agent workflow implements it). */
export interface AgentRoster {
  list(): Array<Readonly<SignedInAgent>>;
  get(agentId: string): Readonly<SignedInAgent> | undefined;
  byExtension(pbx: string, extension: string): Readonly<SignedInAgent> | undefined;
  /** The agent at an extension, including one whose sign-in is still adding her queue memberships. */
  agentIdAt(pbx: string, extension: string): string | undefined;
  /** A queue call (`linkedid`) ended at `iface`: the workflow starts wrap-up or applies pause-after-call. */
  callCompleted(pbx: string, iface: string, queue: string | null, linkedid?: string): Promise<void>;
  /**
   * Asterisk reported the pause state of `iface` (QueueMemberPause): `members` is its state in
   * every queue now. The workflow reconciles with it (a change it did not ask for is external).
   */
  pauseObserved(pbx: string, iface: string, members: ReadonlyArray<{ paused: boolean; reason: string | null }>, paused: boolean): void;
}

/** Where the projector's catalogue events go (the node's bus). */
export type CtiEventSink = (event: CtiEvent) => void;

/**
 * The customer behind a caller's number, for the screen pop: `now` is what the ringing event
 * carries (the lookup bounds how long it takes); `later`, when a slower source (a CRM) answered
 * after that, the customer its answer gives (null: nothing new), to update a pop that still rings.
 */
export interface CustomerAnswer {
  now: Promise<CustomerSummary | null>;
  later: Promise<CustomerSummary | null> | null;
}
