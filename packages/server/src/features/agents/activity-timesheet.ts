import type { AgentView } from '@amiable/protocol';
import type { SignedInAgent } from '../../contact-center/signed-in-agent.ts';

/**
 * Records a signed-in agent's phone activity (ringing, on a call, back to the workflow state)
 * in the timesheet: intervals the workflow alone cannot see.
 */
export function createActivityTimesheet(deps: {
  agent: (agentId: string) => Readonly<SignedInAgent> | undefined;
  changeState: (input: {
    agentId: string;
    sessionId: string;
    pbx: string;
    extension: string;
    state: Exclude<AgentView['state'], 'logged-out'>;
    reason: string | null;
    at: number;
  }) => Promise<unknown>;
  now: () => number;
  log: { warn(o: object, m?: string): void };
}): (view: AgentView) => void {
  return (view) => {
    const a = deps.agent(view.agentId);
    if (!a || view.state === 'logged-out') return;
    void deps
      .changeState({ agentId: a.agentId, sessionId: a.sessionId, pbx: a.pbx, extension: a.extension, state: view.state, reason: view.reason, at: deps.now() })
      .catch((err) => deps.log.warn({ err, agentId: a.agentId }, 'timesheet write failed'));
  };
}
