import type { QueueView } from '@amiable/protocol';
import { formatDuration, formatDurationLong, formatPercent } from '../../lib/format.ts';
import { liveLongestWait } from '../../lib/live-state.ts';
import { serviceLevelTone, waitTone } from '../../lib/thresholds.ts';

/** One queue on the wallboard: callers waiting, longest wait (ticking), agents by state, today's figures. */
export function QueueTile({ queue, now }: { queue: QueueView & { receivedAt: number }; now: number }) {
  const longest = liveLongestWait(queue, now);
  const id = queue.queue;
  return (
    <section className={`queue-tile tone-${waitTone(queue.waiting, longest)}`} data-testid={`queue-tile-${id}`} data-queue={id}>
      <header className="queue-tile-head">
        <h2>{id}</h2>
        {queue.language && <span className="pill plain">{queue.language.toUpperCase()}</span>}
      </header>
      <div className="queue-main">
        <div className="big-figure">
          <span className="big-value" data-testid="queue-waiting">
            {queue.waiting}
          </span>
          <span className="big-label">waiting</span>
        </div>
        <div className="big-figure">
          <span className="big-value mono" data-testid="queue-longest-wait">
            {formatDuration(longest)}
          </span>
          <span className="big-label">longest wait</span>
        </div>
      </div>
      <div className="queue-agents">
        <Count label="Ready" value={queue.ready} cls="state-ready" testId="queue-ready" />
        <Count label="On call" value={queue.onCall} cls="state-oncall" testId="queue-oncall" />
        <Count label="Wrap-up" value={queue.wrapup} cls="state-wrapup" testId="queue-wrapup" />
        <Count label="Paused" value={queue.paused} cls="state-paused" testId="queue-paused" />
      </div>
      <div className="queue-today">
        <Figure label="Answered" value={String(queue.answeredToday)} testId="queue-answered" />
        <Figure label="Abandoned" value={String(queue.abandonedToday)} testId="queue-abandoned" />
        <Figure
          label={`SL ${queue.serviceLevelSeconds}s`}
          value={formatPercent(queue.serviceLevel)}
          testId="queue-service-level"
          tone={serviceLevelTone(queue.serviceLevel)}
        />
        <Figure label="Avg wait" value={formatDurationLong(queue.avgWaitSeconds)} testId="queue-avg-wait" />
      </div>
    </section>
  );
}

function Count({ label, value, cls, testId }: { label: string; value: number; cls: string; testId: string }) {
  return (
    <div className={`agent-count ${cls}`}>
      <span className="agent-count-value" data-testid={testId}>
        {value}
      </span>
      <span className="agent-count-label">{label}</span>
    </div>
  );
}

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: string }) {
  return (
    <div className="figure">
      <span className={`figure-value${tone ? ` text-${tone}` : ''}`} data-testid={testId}>
        {value}
      </span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
