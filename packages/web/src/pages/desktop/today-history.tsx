import type { CallRecord, ReportResult } from '@amiable/protocol';
import { useEffect } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { formatClock, formatDurationLong, formatPhone } from '../../lib/format.ts';
import { formatCell } from '../../lib/report-format.ts';
import { startOfToday } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Pill } from '../../ui/pill.tsx';
import { Icon } from '../../ui/icon.tsx';
import { useT } from '../../i18n/index.ts';

interface Today {
  calls: CallRecord[];
  timesheet: ReportResult | undefined;
}

const OUTCOME_TONE: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  answered: 'success',
  transferred: 'neutral',
  abandoned: 'danger',
  'no-answer': 'warning',
  busy: 'warning',
  failed: 'danger',
};

/** Today's calls and times of the agent (from the call log and the timesheet report). */
export function TodayHistory({ agentId }: { agentId: string }) {
  const { t } = useT('desk');
  const client = useClient();
  const today = useAsync<Today>(async () => {
    const from = startOfToday();
    const to = new Date().toISOString();
    const [calls, timesheet] = await Promise.all([
      client.api.calls.list({ agentId, from, limit: 100 }),
      client.api.reports.get('agent-timesheet', { from, to, agentId }).catch(() => undefined),
    ]);
    return { calls: calls.items, timesheet };
  }, [client, agentId]);
  const { reload } = today;
  useEffect(() => client.on('call.ended', () => setTimeout(reload, 1500)), [client, reload]);

  const sheet = today.data?.timesheet;
  const totals = sheet ? (sheet.totals ?? sheet.rows[0]) : undefined;
  return (
    <Card title={t('today.title')} testId="today-history" actions={<button type="button" className="btn btn-ghost btn-sm" onClick={reload} aria-label={t('today.reload')} title={t('today.reload')}>↻</button>}>
      {sheet && totals && (
        <div className="mini-stats" data-testid="today-times">
          {sheet.columns
            .filter((c) => c.type === 'seconds' || c.type === 'percent' || c.type === 'number')
            .slice(0, 6)
            .map((c) => (
              <div key={c.key} className="stat">
                <span className="stat-label">{c.label}</span>
                <span className="stat-value sm">{formatCell(totals[c.key], c.type)}</span>
              </div>
            ))}
        </div>
      )}
      {today.data && today.data.calls.length === 0 && <EmptyState icon={<Icon name="list" size={30} />} title={t('today.none')} />}
      {today.data && today.data.calls.length > 0 && (
        <ul className="history" data-testid="today-calls">
          {today.data.calls.map((c) => (
            <li key={c.callId} data-testid="today-call">
              <span className="mono muted">{formatClock(c.startedAt)}</span>
              <span className="mono" dir="ltr">{formatPhone(c.direction === 'outbound' ? c.calledNumber : c.callerNumber, t('pop.unknownNumber'))}</span>
              <span className="muted small">{c.queue ?? t(`direction.${c.direction}`, { defaultValue: c.direction })}</span>
              <span className="spacer" />
              <span className="mono small">{formatDurationLong(c.talkSeconds)}</span>
              <Pill tone={OUTCOME_TONE[c.outcome] ?? 'neutral'} plain>
                {t(`outcome.${c.outcome}`, { defaultValue: c.outcome })}
              </Pill>
            </li>
          ))}
        </ul>
      )}
      {today.loading && !today.data && (
        <div className="row small muted">
          <span className="spinner" /> {t('loadingShort')}
        </div>
      )}
    </Card>
  );
}
