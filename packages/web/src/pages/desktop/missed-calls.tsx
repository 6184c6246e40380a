import type { MissedCalls as MissedCallsList } from '@amiable/protocol';
import { useEffect } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { formatClock } from '../../lib/format.ts';
import { startOfToday } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { DialLink } from './dial-link.tsx';

/** Today's calls that rang at this agent and went elsewhere: who called, and who answered instead. */
export function MissedCalls() {
  const { t } = useT('desk');
  const client = useClient();
  const live = useLive();
  const missed = useAsync<MissedCallsList>(() => client.api.missedCalls({ from: startOfToday(), limit: 20 }), [client]);
  const { reload } = missed;
  // A call ends for this agent when it is answered elsewhere or abandoned: its record follows shortly.
  useEffect(() => client.on('call.dismissed', () => setTimeout(reload, 1500)), [client, reload]);
  const items = missed.data?.items ?? [];
  return (
    <Card
      title={t('missed.title')}
      testId="missed-calls"
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={reload} aria-label={t('today.reload')} title={t('today.reload')}>
          ↻
        </button>
      }
    >
      {missed.error !== undefined && !missed.data && <p className="small muted">{t('errors.missed')}</p>}
      {missed.data && items.length === 0 && <p className="small muted">{t('missed.none')}</p>}
      {items.length > 0 && (
        <ul className="missed-calls">
          {items.map((c) => {
            const by = c.answeredAgentId ? (live.agents[c.answeredAgentId]?.name ?? c.answeredBy) : c.answeredBy;
            return (
              <li key={c.callId} data-testid="missed-call">
                <span className="mono muted">{formatClock(c.startedAt)}</span>
                {c.callerNumber ? <DialLink number={c.callerNumber} /> : <span className="muted">{t('pop.unknownNumber')}</span>}
                {c.callerName && <span className="small">{c.callerName}</span>}
                <span className="small muted">{c.queue ?? ''}</span>
                <span className="spacer" />
                <span className="small muted">{by ? t('missed.answeredBy', { agent: by }) : c.outcome === 'abandoned' ? t('missed.abandoned') : t('missed.elsewhere')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
