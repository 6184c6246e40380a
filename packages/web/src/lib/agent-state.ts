/** Labels and colour classes of agent states, in one place for every screen. */
const LABELS: Record<string, string> = {
  'logged-out': 'Signed out',
  ready: 'Ready',
  ringing: 'Ringing',
  'on-call': 'On call',
  'wrap-up': 'Wrap-up',
  paused: 'Not ready',
};

const CLASSES: Record<string, string> = {
  'logged-out': 'state-offline',
  ready: 'state-ready',
  ringing: 'state-ringing',
  'on-call': 'state-oncall',
  'wrap-up': 'state-wrapup',
  paused: 'state-paused',
};

/** Order of the agents grid: who is free first, signed-out last. */
const ORDER: Record<string, number> = { ready: 0, ringing: 1, 'on-call': 2, 'wrap-up': 3, paused: 4, 'logged-out': 5 };

export function agentStateLabel(state: string): string {
  return LABELS[state] ?? state;
}

export function agentStateClass(state: string): string {
  return CLASSES[state] ?? 'state-offline';
}

export function agentStateOrder(state: string): number {
  return ORDER[state] ?? 9;
}
