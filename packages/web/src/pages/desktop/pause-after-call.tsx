import type { AgentView, PauseReason } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';

/** "Pause after this call": asks the server to pause the agent (with a reason) when the call and its wrap-up end. */
export function PauseAfterCall({ agent, reasons, disabled }: { agent: AgentView; reasons: PauseReason[]; disabled?: boolean }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const enabled = agent.pauseAfterCall !== null;
  const relevant = agent.state === 'on-call' || agent.state === 'ringing' || agent.state === 'wrap-up' || enabled;
  if (!relevant) return null;
  const fallback = reasons[0]?.code;

  const set = (on: boolean, reason?: string) => {
    const args = on ? { enabled: true, ...(reason ? { reason } : {}) } : { enabled: false };
    client.command('agent.pauseAfterCall', args).catch((error: unknown) => toast.error(error, t('errors.pauseAfterCall')));
  };

  return (
    <div className="pause-after" data-testid="pause-after-call">
      <label className="checkbox">
        <input type="checkbox" checked={enabled} disabled={disabled} onChange={(e) => set(e.target.checked, agent.pauseAfterCall ?? fallback)} data-testid="toggle-pause-after-call" />
        {t('state.pauseAfterCall')}
      </label>
      {enabled && reasons.length > 0 && (
        <select className="input input-sm" value={agent.pauseAfterCall ?? ''} disabled={disabled} onChange={(e) => set(true, e.target.value)} aria-label={t('state.reason')}>
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
