import { useT } from '../i18n/index.ts';
import { agentStateClass, agentStateLabel } from '../lib/agent-state.ts';

/** An agent state as a coloured pill: Ready, Ringing, On call, Wrap-up, Not ready, Signed out (in the current language). */
export function StatePill({ state, reason, testId }: { state: string; reason?: string | null; testId?: string }) {
  const { t } = useT('common');
  return (
    <span className={`pill ${agentStateClass(state)}`} data-testid={testId} data-state={state}>
      {t(`agentState.${state}`, { defaultValue: agentStateLabel(state) })}
      {reason ? <span className="pill-reason">· {reason}</span> : null}
    </span>
  );
}
