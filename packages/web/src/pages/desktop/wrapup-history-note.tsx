import type { CallRecord } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';

/** A past call's disposition and notes, under its line in the customer's history. */
export function WrapupHistoryNote({ call }: { call: CallRecord }) {
  const { t } = useT('wrapup');
  if (!call.disposition && !call.notes) return null;
  return (
    <div className="wrapup-history-note small" data-testid="history-disposition">
      {call.disposition && <span className="pill plain">{t('history.disposition', { code: call.disposition })}</span>}
      {call.notes && (
        <p className="wrapup-history-notes muted" title={t('history.notes')}>
          {call.notes}
        </p>
      )}
    </div>
  );
}
