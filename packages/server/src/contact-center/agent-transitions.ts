import type { AgentState } from './agent-state.ts';

/** Reported (as an `agent-anomaly`) when the derived state moves along an edge the table lacks. */
export const ILLEGAL_AGENT_TRANSITION = 'CTI_ERR_ILLEGAL_AGENT_TRANSITION';

/**
 * The legal moves of the derived agent state, as data. Wrap-up can only
 * follow a call; everything else can follow anything, because Asterisk is
 * the source of truth and agents sign in or out, and take direct calls, at
 * any moment. An illegal move means the model missed something: the tracker
 * reports it so the server resyncs, and applies it so replay stays useful.
 */
export const AGENT_TRANSITIONS: Readonly<Record<AgentState, readonly AgentState[]>> = Object.freeze({
  'logged-out': ['ready', 'paused', 'ringing', 'on-call'],
  ready: ['logged-out', 'paused', 'ringing', 'on-call'],
  paused: ['logged-out', 'ready', 'ringing', 'on-call'],
  ringing: ['logged-out', 'ready', 'paused', 'on-call'],
  'on-call': ['logged-out', 'ready', 'paused', 'ringing', 'wrap-up'],
  'wrap-up': ['logged-out', 'ready', 'paused', 'ringing', 'on-call'],
});

export function isLegalTransition(from: AgentState, to: AgentState): boolean {
  return from === to || AGENT_TRANSITIONS[from].includes(to);
}
