import type { AgentView } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';
import { countdown } from '../../lib/countdown.ts';
import { formatDuration } from '../../lib/format.ts';

/** Time left in wrap-up, with a bar; "until you press Ready" when wrap-up has no limit. */
export function WrapupCountdown({ agent, now }: { agent: AgentView; now: number }) {
  const { t } = useT('desk');
  const c = countdown(agent.wrapupEndsAt, agent.since, now);
  return (
    <div className="wrapup" data-testid="wrapup-countdown">
      <span className="small muted">{t('state.wrapup')}</span>
      {c.remaining === null ? (
        <span className="small">{t('state.untilReady')}</span>
      ) : (
        <>
          <span className="mono wrapup-left" data-testid="wrapup-remaining">
            {formatDuration(c.remaining)}
          </span>
          <div className="progress wrapup-progress" aria-hidden="true">
            <div style={{ width: `${Math.round((c.progress ?? 0) * 100)}%` }} />
          </div>
        </>
      )}
    </div>
  );
}
