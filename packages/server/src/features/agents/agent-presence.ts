import type { AgentDirectory, PresenceStore, SavedAgent, Timesheet } from './ports.ts';
import type { AgentWorkflowEvent, SignedInAgent } from './signed-in-agent.ts';

/** The part of a signed-in agent that is saved: everything but what the directory gives back. */
export function savedAgent(agent: Readonly<SignedInAgent>): SavedAgent {
  return {
    agentId: agent.agentId,
    sessionId: agent.sessionId,
    pbx: agent.pbx,
    extension: agent.extension,
    workstationId: agent.workstationId,
    state: agent.state,
    reason: agent.reason,
    since: agent.since,
    wrapupEndsAt: agent.wrapupEndsAt,
    pauseAfterCall: agent.pauseAfterCall,
    queues: agent.queues.map((q) => ({ ...q })),
    dispositionDue: agent.dispositionDue && { ...agent.dispositionDue },
  };
}

/** Keeps the presence store in step with the workflow: save on every change, remove on sign-out. */
export function recordPresence(store: PresenceStore, event: AgentWorkflowEvent): void {
  if (event.type === 'signed-out') store.remove(event.agent.agentId);
  else store.save(savedAgent(event.agent));
}

/**
 * The agents signed in when the server stopped, exactly as they were: pause and its
 * reason, wrap-up, the queues they chose. Sessions left open without a saved state
 * (written by an older version) come back Ready in their skills' queues.
 */
export async function restoreAgents(deps: {
  presence?: PresenceStore | undefined;
  timesheet: Timesheet;
  directory: AgentDirectory;
  deviceTech: (pbx: string) => string;
}): Promise<SignedInAgent[]> {
  const open = await deps.timesheet.openSessions();
  const saved = new Map((await (deps.presence?.load() ?? Promise.resolve([]))).map((s) => [s.agentId, s]));
  const out: SignedInAgent[] = [];
  for (const session of open) {
    const profile = await deps.directory.agent(session.agentId);
    if (!profile) continue;
    const s = saved.get(session.agentId);
    const base = { agentId: session.agentId, name: profile.name, iface: '' };
    if (s && s.sessionId === session.sessionId) {
      out.push({
        ...base,
        ...s,
        queues: s.queues.map((q) => ({ ...q })),
        iface: `${deps.deviceTech(s.pbx)}/${s.extension}`,
        afterCall: null,
        changedBy: 'server',
        dispositionDue: s.dispositionDue ?? null,
      });
      continue;
    }
    const queues = (await deps.directory.queueAssignments(session.agentId)).filter((q) => q.pbx === session.pbx);
    out.push({
      ...base,
      pbx: session.pbx,
      extension: session.extension,
      iface: `${deps.deviceTech(session.pbx)}/${session.extension}`,
      sessionId: session.sessionId,
      workstationId: null,
      queues,
      state: 'ready',
      reason: null,
      since: session.signedInAt,
      wrapupEndsAt: null,
      pauseAfterCall: null,
      afterCall: null,
      changedBy: 'server',
      dispositionDue: null,
    });
  }
  return out;
}
