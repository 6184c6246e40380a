import type { CallView, PbxView, StateSnapshot } from '@amiable/protocol';
import type { CtiProjector } from '../cti/projector.ts';
import { iso } from '../cti/iso.ts';
import type { AgentService } from '../features/agents/agent-service.ts';
import type { StateView } from '../gateway/index.ts';
import { summarizeCall } from '../telephony/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';

const PHASE: Record<string, CallView['state']> = {
  queued: 'queued',
  ringing: 'ringing',
  talking: 'talking',
  held: 'held',
  dialling: 'ringing',
};

/** The whole live state, unfiltered; the gateway filters it per client. */
export function createStateView(deps: {
  pbxs: ReadonlyMap<string, PbxConnection>;
  agents: AgentService;
  projector: CtiProjector;
  pbxSince: Map<string, number>;
  now: () => number;
}): StateView {
  return {
    snapshot(): StateSnapshot {
      const now = deps.now();
      const pbx: PbxView[] = [];
      const calls: CallView[] = [];
      const queues: StateSnapshot['queues'] = [];
      for (const [id, conn] of deps.pbxs) {
        pbx.push({ pbx: id, state: conn.state === 'down' ? 'reconnecting' : conn.state, since: iso(deps.pbxSince.get(id) ?? now) });
        for (const call of conn.model.calls.values()) {
          const s = summarizeCall(conn.model, call);
          const agent = s.extension ? deps.agents.byExtension(id, s.extension) : undefined;
          calls.push({
            callId: s.linkedid,
            pbx: id,
            direction: call.facts.queues.length > 0 ? 'inbound' : call.facts.originated ? 'outbound' : call.facts.originKind === 'phone' ? 'internal' : 'inbound',
            state: PHASE[s.phase] ?? 'ringing',
            callerNumber: s.callerNumber && /^\+?[0-9*#][0-9*# ().-]*$/.test(s.callerNumber) ? s.callerNumber : null,
            callerName: s.callerName,
            queue: s.queue,
            extension: s.extension,
            agentId: agent?.agentId ?? null,
            startedAt: iso(s.startedAt),
            answeredAt: s.answeredAt === null ? null : iso(s.answeredAt),
          });
        }
        for (const q of conn.model.queues.keys()) queues.push({ ...deps.projector.queueView(id, q), pbx: id });
      }
      return {
        at: iso(now),
        pbx,
        agents: deps.agents.list().map((a) => ({ ...deps.projector.agentView(a), pbx: a.pbx })),
        queues,
        calls,
      };
    },
  };
}
