import { useNow } from '../../app/use-now.ts';
import { formatDuration, formatPhone, secondsSince } from '../../lib/format.ts';
import type { ScreenPop } from '../../lib/screen-pop.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Pill } from '../../ui/pill.tsx';
import { CustomerCard } from './customer-card.tsx';
import { Icon } from '../../ui/icon.tsx';

const PHASE = { ringing: { label: 'Ringing', tone: 'info' }, answered: { label: 'On call', tone: 'primary' }, ended: { label: 'Call ended', tone: 'neutral' } } as const;

/** The screen-pop: who is calling, through which queue and language, and the customer's card. */
export function ScreenPopCard({ pop, onClose }: { pop: ScreenPop | undefined; onClose: () => void }) {
  const now = useNow();
  if (!pop) {
    return (
      <Card title="Current call">
        <EmptyState icon={<Icon name="phone" size={30} />} title="Waiting for calls" testId="no-call">
          The caller's details appear here as soon as your phone rings.
        </EmptyState>
      </Card>
    );
  }
  const phase = PHASE[pop.phase];
  const since = pop.phase === 'answered' ? pop.answeredAt : pop.ringingAt;
  return (
    <section className={`card screen-pop screen-pop-${pop.phase}`} data-testid="screen-pop" data-call-id={pop.callId} data-phase={pop.phase}>
      <header className="screen-pop-head">
        <div className="stack-tight">
          <div className="row">
            <Pill tone={phase.tone}>{phase.label}</Pill>
            {pop.phase !== 'ended' && <span className="mono small muted">{formatDuration(secondsSince(since, now))}</span>}
            {pop.direction !== 'inbound' && <Pill plain>{pop.direction}</Pill>}
          </div>
          <div className="caller-number mono" data-testid="pop-caller-number">
            {formatPhone(pop.callerNumber)}
          </div>
          <div className="caller-name" data-testid="pop-caller-name">
            {pop.customer?.name ?? pop.callerName ?? 'Unknown caller'}
          </div>
        </div>
        <div className="spacer" />
        <dl className="pop-facts">
          <div>
            <dt>Queue</dt>
            <dd data-testid="pop-queue">{pop.queue ?? '—'}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd data-testid="pop-language">{pop.language ? pop.language.toUpperCase() : '—'}</dd>
          </div>
          {pop.waitSeconds !== null && (
            <div>
              <dt>Waited</dt>
              <dd>{formatDuration(pop.waitSeconds)}</dd>
            </div>
          )}
        </dl>
        {pop.phase === 'ended' && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose} aria-label="Close the call card" data-testid="pop-close">
            ✕
          </button>
        )}
      </header>
      {pop.popupUrl && (
        <div className="pop-link">
          <a href={pop.popupUrl} target="_blank" rel="noopener noreferrer" data-testid="pop-url">
            Open in CRM ↗
          </a>
        </div>
      )}
      <CustomerCard key={pop.callId} pop={pop} />
    </section>
  );
}
