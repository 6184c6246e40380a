import { useMemo, useState } from 'react';
import { useLive } from '../../app/live-store.tsx';
import { useNow } from '../../app/use-now.ts';
import { useT } from '../../i18n/index.ts';
import { agentStateOrder } from '../../lib/agent-state.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { AgentsGrid } from './agents-grid.tsx';
import { QueueTile } from './queue-tile.tsx';
import { useFullscreen } from './use-fullscreen.ts';
import { useSupervision } from './use-supervision.ts';
import { useTeams } from './use-teams.ts';
import { type WallboardFilter, WallboardFilters } from './wallboard-filters.tsx';

/**
 * Live queues and agents, readable on a TV: filters by queue and team, fullscreen, large type,
 * high contrast. The wallboard never plays the ring sound: ringing is the agent desk's alone.
 */
export function WallboardPage() {
  const { t } = useT('supervisor');
  const live = useLive();
  const now = useNow();
  const supervision = useSupervision();
  const { teams, teamsOf } = useTeams();
  const { ref, fullscreen, toggle } = useFullscreen<HTMLDivElement>();
  const [tv, setTv] = useState(false);
  const [filter, setFilter] = useState<WallboardFilter>({ queue: '', team: '', showSignedOut: false });

  const queues = useMemo(() => Object.values(live.queues).sort((a, b) => a.queue.localeCompare(b.queue)), [live.queues]);
  const agents = useMemo(
    () =>
      Object.values(live.agents)
        .filter((a) => filter.showSignedOut || a.state !== 'logged-out')
        .filter((a) => !filter.queue || a.queues.includes(filter.queue))
        .filter((a) => !filter.team || teamsOf(a.agentId).includes(filter.team))
        .sort((a, b) => agentStateOrder(a.state) - agentStateOrder(b.state) || (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId)),
    [live.agents, filter, teamsOf],
  );
  const shownQueues = queues.filter((q) => !filter.queue || q.queue === filter.queue);
  const big = tv || fullscreen;

  return (
    <div ref={ref} className={`content wallboard${big ? ' theme-tv wallboard-tv' : ''}`} data-testid="wallboard">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('summary', { queues: shownQueues.length, agents: agents.length })}</p>
        </div>
        <div className="spacer" />
        <WallboardFilters value={filter} onChange={setFilter} queues={queues.map((q) => q.queue)} teams={teams} />
        <button type="button" className={`btn btn-sm${tv ? ' active' : ''}`} onClick={() => setTv((v) => !v)} aria-pressed={tv} data-testid="tv-mode">
          {t('tvMode')}
        </button>
        <button type="button" className="btn btn-sm" onClick={toggle} data-testid="fullscreen-toggle">
          {fullscreen ? t('exitFullscreen') : t('fullscreen')}
        </button>
      </div>
      {!live.loaded && <EmptyState icon={<span className="spinner" />} title={t('loading')} />}
      {live.loaded && queues.length === 0 && (
        <EmptyState icon={<Icon name="grid" size={30} />} title={t('noQueues')} testId="no-queues">
          {t('noQueuesHint')}
        </EmptyState>
      )}
      <div className="queue-tiles" data-testid="queue-tiles">
        {shownQueues.map((q) => (
          <QueueTile key={q.queue} queue={q} now={now} />
        ))}
      </div>
      <AgentsGrid agents={agents} calls={live.calls} supervision={supervision} now={now} queues={queues.map((q) => q.queue)} />
    </div>
  );
}
