import type { AgentView, CallView } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';
import { agentStateClass } from '../../lib/agent-state.ts';
import { callerLabel } from '../../lib/caller-label.ts';
import { formatDuration, secondsSince } from '../../lib/format.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { usePauseReasons } from '../desktop/use-pause-reasons.ts';
import { AgentActions } from './agent-actions.tsx';
import type { Supervision } from './use-supervision.ts';

/**
 * Every visible agent: state (colour-coded) with the pause reason, time in the state, who they
 * are talking to and through which queue, who supervises the call, their queues and the
 * supervisor's actions.
 */
export function AgentsGrid({
  agents,
  calls,
  supervision,
  now,
  queues,
}: {
  agents: AgentView[];
  calls: Readonly<Record<string, CallView>>;
  supervision: Readonly<Record<string, Supervision[]>>;
  now: number;
  queues: string[];
}) {
  const { t } = useT('supervisor');
  const reasons = usePauseReasons();
  const reasonLabel = (code: string | null) => (code ? (reasons.find((r) => r.code === code)?.label ?? code) : null);
  return (
    <Card title={t('grid.title')} flush testId="agents-grid">
      {agents.length === 0 ? (
        <EmptyState icon="☺" title={t('grid.empty')} testId="no-agents" />
      ) : (
        <div className="table-wrap">
          <table className="table agents-table">
            <thead>
              <tr>
                <th>{t('grid.agent')}</th>
                <th>{t('grid.state')}</th>
                <th>{t('grid.time')}</th>
                <th>{t('grid.talkingTo')}</th>
                <th>{t('grid.callQueue')}</th>
                <th>{t('grid.queues')}</th>
                <th className="actions">{t('grid.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => {
                const call = a.callId ? calls[a.callId] : undefined;
                const reason = a.state === 'paused' ? reasonLabel(a.reason) : null;
                const spies = supervision[a.agentId] ?? [];
                return (
                  <tr key={a.agentId} className={`agent-row state-row-${a.state}`} data-testid={`agent-row-${a.agentId}`} data-state={a.state}>
                    <td>
                      <div className="agent-name">{a.name ?? a.agentId}</div>
                      <div className="small muted" data-testid="agent-extension">
                        {a.extension ? t('grid.extension', { extension: a.extension }) : t('grid.noDesk')}
                      </div>
                    </td>
                    <td>
                      <span className={`pill ${agentStateClass(a.state)}`} data-testid="agent-state" data-state={a.state}>
                        {t(`state.${a.state}`)}
                        {reason ? <span className="pill-reason" data-testid="agent-pause-reason">· {reason}</span> : null}
                      </span>
                      {a.pauseAfterCall && <div className="small muted">{t('grid.pauseAfterCall', { reason: reasonLabel(a.pauseAfterCall) })}</div>}
                    </td>
                    <td className="mono agent-time" data-testid="agent-time">
                      {a.state === 'logged-out' ? '—' : formatDuration(secondsSince(a.since, now))}
                    </td>
                    <td data-testid="agent-talking-to">
                      {call ? <bdi className="caller">{callerLabel(call) ?? t('grid.unknownCaller')}</bdi> : <span className="muted">—</span>}
                      {spies.map((s) => (
                        <div key={`${s.supervisorExtension}`} className="supervision-badge small" data-testid="agent-supervision" data-mode={s.mode ?? 'unknown'}>
                          {t(`supervision.${s.mode ?? 'unknown'}`, { supervisor: s.supervisor ?? s.supervisorExtension ?? '?' })}
                        </div>
                      ))}
                    </td>
                    <td data-testid="agent-call-queue">{call?.queue ?? <span className="muted">—</span>}</td>
                    <td className="small">{a.queues.join(', ') || '—'}</td>
                    <td className="actions">
                      <AgentActions agent={a} reasons={reasons} queues={queues} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
