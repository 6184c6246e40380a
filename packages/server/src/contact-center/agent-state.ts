import type { EpochMs, PbxId } from '../telephony/types.ts';

/** Derived agent state. An agent is an extension that is a member of at least one queue. */
export const AGENT_STATES = ['logged-out', 'ready', 'ringing', 'on-call', 'wrap-up', 'paused'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/**
 * Wrap-up after a queue call (AgentComplete). Without CTI rules (pure replay)
 * wrap-up ends at whichever comes first: the member is unpaused, the agent is
 * offered or takes another call, `endWrapUp()` is called, or, in `timeout`
 * mode, the policy's seconds run out. In `manual` mode there is no timeout.
 * A policy of 0 seconds in `timeout` mode means no wrap-up at all.
 */
export interface WrapUpPolicy {
  readonly defaultSeconds: number;
  readonly perQueue?: Readonly<Record<string, number>>;
  readonly mode: 'timeout' | 'manual';
}

export const NO_WRAP_UP: WrapUpPolicy = Object.freeze({ defaultSeconds: 0, mode: 'timeout' });

export function wrapUpSeconds(policy: WrapUpPolicy, queue: string | null): number {
  const perQueue = queue === null ? undefined : policy.perQueue?.[queue];
  return perQueue ?? policy.defaultSeconds;
}

/**
 * A stretch of time an extension spent in one state. `queue` is null when the
 * interval covers all the agent's queues; it names a queue when the agent's
 * queues differ (paused in one queue only). `to` is null while it is open.
 */
export interface AgentInterval {
  readonly pbx: PbxId;
  readonly extension: string;
  readonly state: AgentState;
  readonly reason: string | null;
  readonly queue: string | null;
  readonly from: EpochMs;
  readonly to: EpochMs | null;
  /** Ringing, on-call and wrap-up: the call concerned and the queue it came through. */
  readonly linkedid: string | null;
  readonly callQueue: string | null;
}

export interface AgentStateChanged {
  readonly type: 'agent-state';
  readonly pbx: PbxId;
  readonly at: EpochMs;
  readonly extension: string;
  readonly state: AgentState;
  readonly previous: AgentState;
  readonly reason: string | null;
  /** Queues the agent is a member of. */
  readonly queues: readonly string[];
  /** Wrap-up only, in timeout mode: when it ends by itself. */
  readonly wrapUpEndsAt: EpochMs | null;
}

export interface AgentIntervalClosed {
  readonly type: 'agent-interval';
  readonly interval: AgentInterval;
}

export interface AgentTransitionAnomaly {
  readonly type: 'agent-anomaly';
  readonly pbx: PbxId;
  readonly at: EpochMs;
  readonly code: string;
  readonly extension: string;
  readonly from: AgentState;
  readonly to: AgentState;
  /** The domain change that led to the transition. */
  readonly trigger: string;
}

export type AgentStateChange = AgentStateChanged | AgentIntervalClosed | AgentTransitionAnomaly;
