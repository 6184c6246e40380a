import type { PauseReason } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import { formatDurationLong } from '../../lib/format.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

export function PauseReasonsPage() {
  const { t } = useT('admin');
  const { t: tc } = useT('common');
  const client = useClient();
  const fields: FieldSpec[] = [
    { key: 'code', label: t('pauseReasons.fields.code'), kind: 'text', required: true, mono: true, placeholder: 'lunch' },
    { key: 'label', label: t('pauseReasons.fields.label'), kind: 'text', required: true, placeholder: t('pauseReasons.placeholders.label') },
    { key: 'maxSeconds', label: t('pauseReasons.fields.maxSeconds'), kind: 'nullable-number', hint: t('pauseReasons.hints.maxSeconds') },
    { key: 'paid', label: t('pauseReasons.fields.paid'), kind: 'checkbox', placeholder: t('pauseReasons.hints.paid') },
    { key: 'active', label: t('pauseReasons.fields.active'), kind: 'checkbox', placeholder: t('pauseReasons.hints.active') },
  ];
  return (
    <CrudPage<PauseReason>
      title={t('pauseReasons.title')}
      description={t('pauseReasons.description')}
      noun={t('pauseReasons.noun')}
      resource={client.api.pauseReasons}
      testId="admin-pause-reasons"
      fields={fields}
      columns={[
        { header: t('pauseReasons.columns.code'), cell: (r) => <span className="mono">{r.code}</span> },
        { header: t('pauseReasons.columns.label'), cell: (r) => r.label },
        { header: t('pauseReasons.columns.limit'), cell: (r) => (r.maxSeconds === null ? t('pauseReasons.noLimit') : formatDurationLong(r.maxSeconds)) },
        { header: t('pauseReasons.columns.paid'), cell: (r) => (r.paid ? tc('actions.yes') : tc('actions.no')) },
        {
          header: t('pauseReasons.columns.status'),
          cell: (r) => (r.active ? <Pill tone="success">{t('pauseReasons.active')}</Pill> : <Pill>{t('pauseReasons.inactive')}</Pill>),
        },
      ]}
    />
  );
}
