import type { CallRecord } from '@amiable/protocol';
import type { CsvColumn } from '../../lib/csv.ts';
import { useT } from '../../i18n/index.ts';

/** The call log's disposition column header. */
export function DispositionHeader() {
  const { t } = useT('wrapup');
  return <th>{t('log.disposition')}</th>;
}

/** A logged call's disposition code and the agent's notes. */
export function DispositionCell({ call }: { call: CallRecord }) {
  const { t } = useT('wrapup');
  return (
    <td className="small" data-testid="call-log-disposition">
      {call.disposition ? <span className="mono">{call.disposition}</span> : <span className="muted">—</span>}
      {call.notes && (
        <div className="wrapup-log-notes muted" title={t('log.notes')} data-testid="call-log-notes">
          {call.notes}
        </div>
      )}
    </td>
  );
}

/** The disposition columns of the call log's CSV download. */
export const DISPOSITION_CSV: CsvColumn<CallRecord>[] = [
  { header: 'Disposition', value: (c) => c.disposition ?? null },
  { header: 'Notes', value: (c) => c.notes ?? null },
];
