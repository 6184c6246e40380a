import { randomUUID } from 'node:crypto';
import type { Config } from '../config/index.ts';
import type { AgentDirectory, Timesheet } from '../features/agents/ports.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import type { DurableStorage } from '../persistence/spool/durable-storage.ts';

/** The agent workflow's view of the database: profiles, skills→queues, workstations, reasons, wrap-up. */
export function createAgentDirectory(repos: Repositories, config: Config): AgentDirectory {
  return {
    async agent(agentId) {
      const [user, profile] = await Promise.all([repos.users.get(agentId), repos.agents.get(agentId)]);
      if (!user || !profile || user.disabled) return undefined;
      const scopes = await repos.userScopes.list(agentId);
      const extensions = scopes.filter((s) => s.kind === 'extension').map((s) => s.value);
      return {
        id: agentId,
        userId: agentId,
        name: user.displayName,
        defaultExtension: profile.defaultExtension,
        allowedExtensions: [...new Set([...(profile.defaultExtension ? [profile.defaultExtension] : []), ...extensions])],
        wrapupSeconds: profile.wrapupSeconds,
      };
    },
    async queueAssignments(agentId) {
      const [queues, skills] = await Promise.all([repos.skills.queuesForAgent(agentId), repos.skills.list()]);
      const byId = new Map(skills.map((s) => [s.id, s]));
      return queues.map((q) => ({ pbx: q.pbx, queue: q.queue, penalty: q.penalty, skill: byId.get(q.skillId)?.name ?? null }));
    },
    async matchWorkstation(query) {
      const ws = await repos.workstations.matchWorkstation({ mac: query.mac ?? null, ip: query.ip ?? null });
      return ws ? { id: ws.id, name: ws.name, pbx: ws.pbx, extension: ws.extension } : undefined;
    },
    async workstation(id) {
      const ws = await repos.workstations.get(id);
      return ws ? { id: ws.id, name: ws.name, pbx: ws.pbx, extension: ws.extension } : undefined;
    },
    async pauseReason(code) {
      const r = await repos.pauseReasons.getByCode(code);
      return r ? { code: r.code, label: r.label, maxSeconds: r.maxSeconds ?? null } : undefined;
    },
    async wrapupRule(agent, queue) {
      const resolved = await repos.wrapupPolicy.resolve({
        pbx: config.pbxs[0]?.id ?? 'main',
        queue,
        agentSeconds: agent.wrapupSeconds,
      });
      if (resolved.source === 'default') return { seconds: config.wrapup.seconds, mode: config.wrapup.mode };
      return { seconds: resolved.seconds, mode: resolved.mode };
    },
    async dispositionRequired(pbx, queue) {
      return (await repos.dispositions.get(pbx, queue))?.required ?? false;
    },
    async dispositionSet(pbx, callId) {
      const record = await repos.callRecords.getByLinkedid(pbx, callId);
      return record !== undefined && record.disposition !== null;
    },
  };
}

/**
 * The timesheet: sessions and state intervals, written as the agent workflow moves.
 * Writes go through durable storage (the disk spool while the database is away), each
 * with its own id so a replay never writes a row twice.
 */
export function createTimesheet(repos: Repositories, storage: Pick<DurableStorage, 'record'>): Timesheet {
  const pbxOf = new Map<string, { pbx: string; agentId: string }>();
  return {
    async openSession(input) {
      const id = randomUUID();
      await storage.record({
        t: 'session-open',
        id,
        agentId: input.agentId,
        pbx: input.pbx,
        extension: input.extension,
        workstationId: input.workstationId,
        at: input.at,
      });
      pbxOf.set(id, { pbx: input.pbx, agentId: input.agentId });
      return id;
    },
    async closeSession(sessionId, at, reason) {
      const session = pbxOf.get(sessionId);
      if (session) await storage.record({ t: 'interval-close', agentId: session.agentId, at });
      pbxOf.delete(sessionId);
      await storage.record({ t: 'session-close', sessionId, at, reason });
    },
    async recordState(input) {
      await storage.record({
        t: 'state',
        id: randomUUID(),
        agentId: input.agentId,
        sessionId: input.sessionId,
        pbx: pbxOf.get(input.sessionId)?.pbx ?? 'main',
        extension: input.extension,
        state: input.state,
        reason: input.reason,
        at: input.at,
      });
    },
    async openSessions() {
      const sessions = await repos.timesheet.listSessions({ limit: 10000, offset: 0 });
      return sessions
        .filter((s) => s.signedOutAt === null)
        .map((s) => {
          pbxOf.set(s.id, { pbx: s.pbx, agentId: s.agentId });
          return { sessionId: s.id, agentId: s.agentId, pbx: s.pbx, extension: s.extension, signedInAt: s.signedInAt };
        });
    },
  };
}
