import { useMemo, useState } from 'react';
import { useLive } from '../../app/live-store.tsx';
import { useNow } from '../../app/use-now.ts';
import { agentStateOrder } from '../../lib/agent-state.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { AgentsGrid } from './agents-grid.tsx';
import { QueueTile } from './queue-tile.tsx';
import { useFullscreen } from './use-fullscreen.ts';
import { Icon } from '../../ui/icon.tsx';

/** Live queues and agents, readable on a TV: fullscreen toggle, large type, high contrast. */
export function WallboardPage() {
  const live = useLive();
  const now = useNow();
  const { ref, fullscreen, toggle } = useFullscreen<HTMLDivElement>();
  const [tv, setTv] = useState(false);
  const [queueFilter, setQueueFilter] = useState('');
  const [showSignedOut, setShowSignedOut] = useState(false);

  const queues = useMemo(() => Object.values(live.queues).sort((a, b) => a.queue.localeCompare(b.queue)), [live.queues]);
  const agents = useMemo(
    () =>
      Object.values(live.agents)
        .filter((a) => showSignedOut || a.state !== 'logged-out')
        .filter((a) => !queueFilter || a.queues.includes(queueFilter))
        .sort((a, b) => agentStateOrder(a.state) - agentStateOrder(b.state) || (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId)),
    [live.agents, queueFilter, showSignedOut],
  );
  const big = tv || fullscreen;

  return (
    <div ref={ref} className={`content wallboard${big ? ' theme-tv wallboard-tv' : ''}`} data-testid="wallboard">
      <div className="page-header">
        <div>
          <h1>Wallboard</h1>
          <p>{queues.length} queues · {agents.length} agents shown</p>
        </div>
        <div className="spacer" />
        <select className="input input-sm" value={queueFilter} onChange={(e) => setQueueFilter(e.target.value)} aria-label="Queue filter" data-testid="wallboard-queue-filter">
          <option value="">All queues</option>
          {queues.map((q) => (
            <option key={q.queue} value={q.queue}>
              {q.queue}
            </option>
          ))}
        </select>
        <label className="checkbox small">
          <input type="checkbox" checked={showSignedOut} onChange={(e) => setShowSignedOut(e.target.checked)} /> Signed-out agents
        </label>
        <button type="button" className={`btn btn-sm${tv ? ' active' : ''}`} onClick={() => setTv((v) => !v)} data-testid="tv-mode">
          TV mode
        </button>
        <button type="button" className="btn btn-sm" onClick={toggle} data-testid="fullscreen-toggle">
          {fullscreen ? 'Exit full screen' : 'Full screen'}
        </button>
      </div>
      {!live.loaded && <EmptyState icon={<span className="spinner" />} title="Loading the live picture…" />}
      {live.loaded && queues.length === 0 && (
        <EmptyState icon={<Icon name="grid" size={30} />} title="No queues to show" testId="no-queues">
          You see the queues of your teams; none are configured or visible yet.
        </EmptyState>
      )}
      <div className="queue-tiles" data-testid="queue-tiles">
        {queues
          .filter((q) => !queueFilter || q.queue === queueFilter)
          .map((q) => (
            <QueueTile key={q.queue} queue={q} now={now} />
          ))}
      </div>
      <AgentsGrid agents={agents} now={now} queues={queues.map((q) => q.queue)} />
    </div>
  );
}
