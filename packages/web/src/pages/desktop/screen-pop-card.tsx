import { useT } from '../../i18n/index.ts';
import { formatDuration, formatPhone, secondsSince } from '../../lib/format.ts';
import { type ScreenPop, waitedSeconds } from '../../lib/screen-pop.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Pill } from '../../ui/pill.tsx';
import { CustomerCard } from './customer-card.tsx';
import { useDeskStatus } from './desk-status.tsx';

const PHASE = { ringing: { label: 'pop.ringing', tone: 'info' }, answered: { label: 'pop.onCall', tone: 'primary' }, ended: { label: 'pop.ended', tone: 'neutral' } } as const;

/** The screen-pop: who is calling, through which queue and language, how long they waited, and the customer's card. */
export function ScreenPopCard({ pop, onClose }: { pop: ScreenPop | undefined; onClose: () => void }) {
  const { t } = useT('desk');
  const { now } = useDeskStatus();
  if (!pop) {
    return (
      <Card title={t('pop.title')}>
        <EmptyState icon={<Icon name="phone" size={30} />} title={t('pop.waiting')} testId="no-call">
          {t('pop.waitingBody')}
        </EmptyState>
      </Card>
    );
  }
  const phase = PHASE[pop.phase];
  const since = pop.phase === 'answered' ? pop.answeredAt : pop.ringingAt;
  const waited = waitedSeconds(pop, now);
  return (
    <section className={`card screen-pop screen-pop-${pop.phase}`} data-testid="screen-pop" data-call-id={pop.callId} data-phase={pop.phase}>
      <header className="screen-pop-head">
        <div className="stack-tight">
          <div className="row">
            <Pill tone={phase.tone}>{t(phase.label)}</Pill>
            {pop.phase !== 'ended' && <span className="mono small muted" data-testid="pop-timer">{formatDuration(secondsSince(since, now))}</span>}
            {pop.direction !== 'inbound' && <Pill plain>{t(`direction.${pop.direction}`, { defaultValue: pop.direction })}</Pill>}
          </div>
          <div className="caller-number mono" dir="ltr" data-testid="pop-caller-number">
            {formatPhone(pop.callerNumber, t('pop.unknownNumber'))}
          </div>
          <div className="caller-name" data-testid="pop-caller-name">
            {pop.customer?.name ?? pop.callerName ?? t('pop.unknownCaller')}
          </div>
        </div>
        <div className="spacer" />
        <dl className="pop-facts">
          <div>
            <dt>{t('pop.queue')}</dt>
            <dd data-testid="pop-queue">{pop.queue ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('pop.language')}</dt>
            <dd data-testid="pop-language">{pop.language ? pop.language.toUpperCase() : '—'}</dd>
          </div>
          {waited !== null && (
            <div>
              <dt>{t('pop.waited')}</dt>
              <dd data-testid="pop-waited">{formatDuration(waited)}</dd>
            </div>
          )}
        </dl>
        {pop.phase === 'ended' && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose} aria-label={t('pop.close')} data-testid="pop-close">
            ✕
          </button>
        )}
      </header>
      {pop.popupUrl && (
        <div className="pop-link">
          <a href={pop.popupUrl} target="_blank" rel="noopener noreferrer" data-testid="pop-url">
            {t('pop.openCrm')} ↗
          </a>
        </div>
      )}
      <CustomerCard key={pop.callId} pop={pop} />
    </section>
  );
}
