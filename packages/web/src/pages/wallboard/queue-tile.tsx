import type { QueueView } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';
import { formatDuration, formatPercent } from '../../lib/format.ts';
import { liveLongestWait } from '../../lib/live-state.ts';
import { DEFAULT_THRESHOLDS, queueAlert, type QueueThresholds } from '../../lib/queue-alert.ts';

type TileQueue = QueueView & { receivedAt: number } & Partial<Pick<QueueThresholds, 'serviceLevelTargetPercent' | 'longestWaitAlertSeconds'>>;

/**
 * One queue on the wallboard: callers waiting, longest wait (ticking), agents by state, today's
 * figures. The tile turns to the alert colour when today's service level is below the queue's
 * target or a caller has waited the queue's alert time (both set by the admin, Queues).
 */
export function QueueTile({ queue, now }: { queue: TileQueue; now: number }) {
  const { t } = useT('supervisor');
  const longest = liveLongestWait(queue, now);
  const alert = queueAlert(queue, longest);
  const target = queue.serviceLevelTargetPercent ?? DEFAULT_THRESHOLDS.serviceLevelTargetPercent;
  const waitLimit = queue.longestWaitAlertSeconds ?? DEFAULT_THRESHOLDS.longestWaitAlertSeconds;
  const alerting = alert.serviceLevel || alert.longestWait;
  const id = queue.queue;
  return (
    <section
      className={`queue-tile ${alerting ? 'tone-alarm queue-alert' : queue.waiting > 0 ? 'tone-warn' : 'tone-calm'}`}
      data-testid={`queue-tile-${id}`}
      data-queue={id}
      data-alert={alerting ? [alert.serviceLevel && 'service-level', alert.longestWait && 'longest-wait'].filter(Boolean).join(' ') : 'none'}
    >
      <header className="queue-tile-head">
        <h2>{id}</h2>
        {queue.language && <span className="pill plain">{queue.language.toUpperCase()}</span>}
      </header>
      {alerting && (
        <ul className="queue-alerts" data-testid="queue-alerts">
          {alert.longestWait && <li>{t('tile.alertWait', { seconds: waitLimit })}</li>}
          {alert.serviceLevel && <li>{t('tile.alertServiceLevel', { target })}</li>}
        </ul>
      )}
      <div className="queue-main">
        <div className="big-figure">
          <span className="big-value" data-testid="queue-waiting">
            {queue.waiting}
          </span>
          <span className="big-label">{t('tile.waiting')}</span>
        </div>
        <div className="big-figure">
          <span className="big-value mono" data-testid="queue-longest-wait">
            {formatDuration(longest)}
          </span>
          <span className="big-label">{t('tile.longestWait')}</span>
        </div>
      </div>
      <div className="queue-agents">
        <Count label={t('state.ready')} value={queue.ready} cls="state-ready" testId="queue-ready" />
        <Count label={t('state.on-call')} value={queue.onCall} cls="state-oncall" testId="queue-oncall" />
        <Count label={t('state.wrap-up')} value={queue.wrapup} cls="state-wrapup" testId="queue-wrapup" />
        <Count label={t('state.paused')} value={queue.paused} cls="state-paused" testId="queue-paused" />
      </div>
      <div className="queue-today">
        <Figure label={t('tile.answered')} value={String(queue.answeredToday)} testId="queue-answered" />
        <Figure label={t('tile.abandoned')} value={String(queue.abandonedToday)} testId="queue-abandoned" />
        <Figure
          label={t('tile.serviceLevel', { seconds: queue.serviceLevelSeconds, target })}
          value={formatPercent(queue.serviceLevel)}
          testId="queue-service-level"
          tone={queue.serviceLevel === null ? undefined : alert.serviceLevel ? 'danger' : 'success'}
        />
        <Figure label={t('tile.avgWait')} value={queue.avgWaitSeconds === null ? '—' : formatDuration(queue.avgWaitSeconds)} testId="queue-avg-wait" />
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

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: string | undefined }) {
  return (
    <div className="figure">
      <span className={`figure-value${tone ? ` text-${tone}` : ''}`} data-testid={testId}>
        {value}
      </span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
