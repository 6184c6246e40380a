import type { DomainChange } from '../../telephony/changes.ts';
import type { RecordingService } from './recording-service.ts';

export interface AutoRecordDeps {
  recordings: RecordingService;
  agents: {
    byExtension(pbx: string, extension: string): { agentId: string } | undefined;
    reportFailure(agentId: string, action: string, err: unknown): void;
  };
  policy: { alwaysQueues: readonly string[] };
  /** The live channel name of a Uniqueid. */
  channelName: (pbx: string, uniqueid: string) => string | undefined;
  log: { warn(obj: object, msg: string): void };
}

/**
 * The per-queue "record every call" option: when an agent is connected to a caller of such a
 * queue (AgentConnect), the agent's channel is recorded from then on. A hung-up channel ends
 * its recording. A failure is logged and reported to the agent.
 */
export function createAutoRecord(deps: AutoRecordDeps): (pbx: string, changes: readonly DomainChange[]) => void {
  const always = new Set(deps.policy.alwaysQueues);
  return (pbx, changes) => {
    for (const c of changes) {
      if (c.type === 'channel-hungup') deps.recordings.channelGone(pbx, c.uniqueid);
      if (c.type !== 'agent-connected' || !always.has(c.queue) || !c.extension || !c.agentUniqueid) continue;
      const name = deps.channelName(pbx, c.agentUniqueid);
      if (!name) continue;
      const agentId = deps.agents.byExtension(pbx, c.extension)?.agentId ?? null;
      const leg = { pbx, uniqueid: c.agentUniqueid, name, linkedid: c.linkedid, extension: c.extension, agentId, queue: c.queue };
      deps.recordings.start(leg, 'policy').catch((err: unknown) => {
        deps.log.warn({ pbx, queue: c.queue, extension: c.extension, err: (err as Error).message }, 'automatic recording failed');
        if (agentId) deps.agents.reportFailure(agentId, 'auto-record', err);
      });
    }
  };
}
