import type { StateSnapshot } from '@amiable/protocol';
import type { NatsConnection, Subscription } from 'nats';
import type { StateView } from '../gateway/index.ts';
import { token } from './subjects.ts';

const stateSubject = (pbx: string) => `cti.state.${token(pbx)}`;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** The owner answers `cti.state.<pbx>` with the live state of that PBX. */
export function serveState(nc: NatsConnection, pbx: string, state: StateView): Subscription {
  return nc.subscribe(stateSubject(pbx), { callback: (_err, msg) => msg.respond(enc.encode(JSON.stringify(state.snapshot()))) });
}

/**
 * The live state as a node sees it: what its own owner parts hold, plus the last snapshot of
 * each PBX another node owns, fetched by request/reply in the background (the view must be
 * synchronous). Events after it come from the stream, so a client is never left behind.
 */
export function createClusterState(deps: {
  nc: NatsConnection;
  pbxs: readonly string[];
  local: (pbx: string) => StateView | undefined;
  refreshMs: number;
  log: { warn(o: object, m?: string): void };
}) {
  const remote = new Map<string, StateSnapshot>();
  const refresh = async (pbx: string) => {
    if (deps.local(pbx)) return;
    try {
      const msg = await deps.nc.request(stateSubject(pbx), undefined, { timeout: Math.max(500, deps.refreshMs) });
      remote.set(pbx, JSON.parse(dec.decode(msg.data)) as StateSnapshot);
    } catch {
      remote.delete(pbx); // no owner right now: the PBX is shown as reconnecting
    }
  };
  const refreshAll = () => Promise.all(deps.pbxs.map(refresh));
  const timer = setInterval(() => void refreshAll(), deps.refreshMs);
  timer.unref();
  const view: StateView = {
    snapshot() {
      const out: StateSnapshot = { at: new Date().toISOString(), pbx: [], agents: [], queues: [], calls: [] };
      for (const pbx of deps.pbxs) {
        const s = deps.local(pbx)?.snapshot() ?? remote.get(pbx);
        if (!s) {
          out.pbx.push({ pbx, state: 'reconnecting', since: out.at });
          continue;
        }
        out.pbx.push(...s.pbx);
        out.agents.push(...s.agents);
        out.queues.push(...s.queues);
        out.calls.push(...s.calls);
      }
      return out;
    },
  };
  return { view, refreshAll, close: () => clearInterval(timer) };
}
