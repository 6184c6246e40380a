import type { AgentView, PauseReason } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';

/** "Pause after this call": asks the server to pause the agent (with a reason) when the call and its wrap-up end. */
export function PauseAfterCall({ agent, reasons }: { agent: AgentView; reasons: PauseReason[] }) {
  const client = useClient();
  const toast = useToast();
  const enabled = agent.pauseAfterCall !== null;
  const relevant = agent.state === 'on-call' || agent.state === 'ringing' || agent.state === 'wrap-up' || enabled;
  if (!relevant) return null;
  const fallback = reasons[0]?.code;

  const set = (on: boolean, reason?: string) => {
    const args = on ? { enabled: true, ...(reason ? { reason } : {}) } : { enabled: false };
    client.command('agent.pauseAfterCall', args).catch((error: unknown) => toast.error(error, 'Could not change “pause after this call”'));
  };

  return (
    <div className="pause-after" data-testid="pause-after-call">
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => set(e.target.checked, agent.pauseAfterCall ?? fallback)} data-testid="toggle-pause-after-call" />
        Pause after this call
      </label>
      {enabled && reasons.length > 0 && (
        <select className="input input-sm" value={agent.pauseAfterCall ?? ''} onChange={(e) => set(true, e.target.value)} aria-label="Reason">
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
