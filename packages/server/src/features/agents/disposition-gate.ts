/**
 * "Disposition required before Ready": after a call from a queue that requires one, the agent owes
 * the call's disposition, and Ready (her own, the wrap-up timeout's, an AMI-port unpause) is refused
 * until the call record carries it. The record is the truth, so a disposition set through any node
 * of a cluster counts; the owed call is kept with the agent's presence, so a restart keeps the gate.
 */
import { ServiceErrors } from '../common/service-errors.ts';
import type { AgentDirectory } from './ports.ts';
import type { DispositionDue, SignedInAgent } from './signed-in-agent.ts';

/** The sentence a refused Ready carries (REST, WebSocket, AMI port). */
export function dispositionRequiredMessage(due: DispositionDue): string {
  return `Pick a disposition for your last call (queue ${due.queue}) before you are Ready`;
}

export class DispositionGate {
  readonly #directory: AgentDirectory;

  constructor(directory: AgentDirectory) {
    this.#directory = directory;
  }

  /** The call owed after a queue call ends, or null when its queue does not require a disposition. */
  async owedAfter(pbx: string, queue: string | null, callId: string | undefined): Promise<DispositionDue | null> {
    if (!queue || !callId || !this.#directory.dispositionRequired) return null;
    if (!(await this.#directory.dispositionRequired(pbx, queue))) return null;
    return { callId, queue };
  }

  /**
   * Lets Ready through when nothing is owed or the record now has its disposition (then the debt is
   * cleared on the agent); otherwise throws `CTI_ERR_DISPOSITION_REQUIRED`.
   */
  async check(agent: SignedInAgent): Promise<void> {
    const due = agent.dispositionDue;
    if (!due) return;
    if (this.#directory.dispositionSet && (await this.#directory.dispositionSet(agent.pbx, due.callId))) {
      agent.dispositionDue = null;
      return;
    }
    throw ServiceErrors.dispositionRequired(dispositionRequiredMessage(due), { field: 'disposition', callId: due.callId, queue: due.queue });
  }
}
