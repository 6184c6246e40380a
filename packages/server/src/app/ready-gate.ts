import { dispositionRequiredMessage } from '../features/agents/disposition-gate.ts';
import type { StateView } from '../gateway/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/**
 * The AMI port's view of "disposition required before Ready": the owed call from the live state
 * (joined from the owners in cluster mode), and the call record, which is the truth once it has a
 * disposition. Returns the sentence a refused unpause carries, or null.
 */
export function createReadyGate(deps: { state: StateView; repos: Pick<Repositories, 'callRecords'>; defaultPbx: string }) {
  return {
    async refusal(agentId: string): Promise<string | null> {
      const agent = deps.state.snapshot().agents.find((a) => a.agentId === agentId);
      const due = agent?.dispositionDue;
      if (!agent || !due) return null;
      const record = await deps.repos.callRecords.getByLinkedid(agent.pbx ?? deps.defaultPbx, due.callId);
      return record?.disposition ? null : dispositionRequiredMessage(due);
    },
  };
}
