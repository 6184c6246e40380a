import type { CallView, PbxView, StateSnapshot } from '@amiable/protocol';
import type { CtiProjector } from '../cti/projector.ts';
import { iso } from '../cti/iso.ts';
import type { AgentService } from '../features/agents/agent-service.ts';
import type { StateView } from '../gateway/index.ts';
import { directionFor, type PartyPhase, partiesOf, summarizeCall } from '../telephony/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';

const PHASE: Record<string, CallView['state']> = {
  queued: 'queued',
  ringing: 'ringing',
  talking: 'talking',
  held: 'held',
  dialling: 'ringing',
};

const PARTY_STATE: Record<PartyPhase, CallView['state']> = {
  ringing: 'ringing',
  talking: 'talking',
  held: 'held',
  consulting: 'transferring',
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
          const base = {
            callId: s.linkedid,
            pbx: id,
            callerNumber: s.callerNumber && /^\+?[0-9*#][0-9*# ().-]*$/.test(s.callerNumber) ? s.callerNumber : null,
            callerName: s.callerName,
            queue: s.queue,
            startedAt: iso(s.startedAt),
          };
          // One entry per extension taking part, each with its own direction and state, so
          // the originator of a click-to-dial and an agent consulting keep the call in view.
          const parties = partiesOf(conn.model, call);
          for (const p of parties) {
            const answeredAt = p.answeredAt ?? s.answeredAt;
            calls.push({
              ...base,
              direction: p.direction,
              state: PARTY_STATE[p.phase],
              extension: p.extension,
              agentId: deps.agents.byExtension(id, p.extension)?.agentId ?? null,
              answeredAt: answeredAt === null || p.phase === 'ringing' ? null : iso(answeredAt),
            });
          }
          if (parties.length > 0) continue;
          calls.push({
            ...base,
            direction: directionFor(conn.model, call, s.extension),
            state: PHASE[s.phase] ?? 'ringing',
            extension: s.extension,
            agentId: s.extension ? (deps.agents.byExtension(id, s.extension)?.agentId ?? null) : null,
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
