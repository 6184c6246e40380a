import type { AgentView } from '@amiable/protocol';
import { formatDuration, secondsSince } from '../../lib/format.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { StatePill } from '../../ui/state-pill.tsx';
import { usePauseReasons } from '../desktop/use-pause-reasons.ts';
import { AgentActions } from './agent-actions.tsx';

/** Every visible agent with state (colour-coded), reason, time in state, queues and supervisor actions. */
export function AgentsGrid({ agents, now, queues }: { agents: AgentView[]; now: number; queues: string[] }) {
  const reasons = usePauseReasons();
  const label = (code: string | null) => (code ? (reasons.find((r) => r.code === code)?.label ?? code) : null);
  return (
    <Card title="Agents" flush testId="agents-grid">
      {agents.length === 0 ? (
        <EmptyState icon="☺" title="No agents signed in" testId="no-agents" />
      ) : (
        <div className="table-wrap">
          <table className="table agents-table">
            <thead>
              <tr>
                <th>Agent</th>
                <th>State</th>
                <th>Time</th>
                <th>Extension</th>
                <th>Queues</th>
                <th className="actions">Actions</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.agentId} className={`agent-row state-row-${a.state}`} data-testid={`agent-row-${a.agentId}`} data-state={a.state}>
                  <td>
                    <div className="agent-name">{a.name ?? a.agentId}</div>
                    {a.pauseAfterCall ? <div className="small muted">pause after call: {a.pauseAfterCall}</div> : null}
                  </td>
                  <td>
                    <StatePill state={a.state} reason={a.state === 'paused' ? label(a.reason) : null} testId="agent-state" />
                    {a.pauseAfterCall && <div className="small muted">pauses after this call</div>}
                  </td>
                  <td className="mono agent-time" data-testid="agent-time">
                    {formatDuration(secondsSince(a.since, now))}
                  </td>
                  <td className="mono">{a.extension ?? '—'}</td>
                  <td className="small">{a.queues.join(', ') || '—'}</td>
                  <td className="actions">
                    <AgentActions agent={a} reasons={reasons} queues={queues} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
