import { agentStateClass, agentStateLabel } from '../lib/agent-state.ts';

/** An agent state as a coloured pill: Ready, Ringing, On call, Wrap-up, Paused, Signed out. */
export function StatePill({ state, reason, testId }: { state: string; reason?: string | null; testId?: string }) {
  return (
    <span className={`pill ${agentStateClass(state)}`} data-testid={testId} data-state={state}>
      {agentStateLabel(state)}
      {reason ? <span className="pill-reason">· {reason}</span> : null}
    </span>
  );
}
