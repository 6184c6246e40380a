import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import type { CallExtras } from '../../lib/call-extras.ts';
import { formatPhone } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';

/**
 * An attended transfer's consultation, from `call.consult`: calling the target (the customer on
 * hold), then talking to them. Complete hands the customer over (the agent's leg hangs up, which
 * is how Asterisk completes an attended transfer). The consultation ends without a transfer when
 * the consulted party hangs up: the agent is back with the customer.
 */
export function ConsultPanel({ callId, extras, disabled }: { callId: string; extras: CallExtras; disabled: boolean }) {
  const { t } = useT('desk');
  const client = useClient();
  const consult = extras.consult;
  if (!consult) {
    if (!extras.consultEnded) return null;
    return (
      <div className="banner consult-ended small" data-testid="consult-ended" data-phase={extras.consultEnded}>
        {t(extras.consultEnded === 'aborted' ? 'consult.aborted' : 'consult.completed')}
      </div>
    );
  }
  const target = consult.target ? formatPhone(consult.target) : t('consult.theTarget');
  return (
    <div className="banner banner-warning consult" data-testid="consult" data-phase={consult.phase}>
      <div>
        <strong>{t(consult.phase === 'started' ? 'consult.calling' : 'consult.talking', { target })}</strong>
        <div className="small">{t(consult.phase === 'started' ? 'consult.callingHint' : 'consult.talkingHint')}</div>
      </div>
      <div className="row-wrap consult-actions">
        <BusyButton
          className="btn btn-primary btn-sm"
          disabled={disabled || consult.phase !== 'answered'}
          onClick={() => client.command('call.completeTransfer', { callId })}
          testId="btn-complete-transfer"
          errorTitle={t('errors.completeTransfer')}
        >
          {t('consult.complete')}
        </BusyButton>
      </div>
    </div>
  );
}
