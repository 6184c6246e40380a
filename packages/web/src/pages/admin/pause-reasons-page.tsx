import type { PauseReason } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { formatDurationLong } from '../../lib/format.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

const FIELDS: FieldSpec[] = [
  { key: 'code', label: 'Code', kind: 'text', required: true, mono: true, placeholder: 'lunch' },
  { key: 'label', label: 'Label', kind: 'text', required: true, placeholder: 'Lunch' },
  { key: 'maxSeconds', label: 'Longest pause (s)', kind: 'nullable-number', hint: 'Empty for no limit.' },
  { key: 'paid', label: 'Paid', kind: 'checkbox', placeholder: 'Counts as paid time' },
  { key: 'active', label: 'Active', kind: 'checkbox', placeholder: 'Agents can pick it' },
];

export function PauseReasonsPage() {
  const client = useClient();
  return (
    <CrudPage<PauseReason>
      title="Pause reasons"
      description="What agents pick when they go “not ready”; timesheets total the time per reason."
      noun="Pause reason"
      resource={client.api.pauseReasons}
      testId="admin-pause-reasons"
      fields={FIELDS}
      columns={[
        { header: 'Code', cell: (r) => <span className="mono">{r.code}</span> },
        { header: 'Label', cell: (r) => r.label },
        { header: 'Limit', cell: (r) => (r.maxSeconds === null ? 'none' : formatDurationLong(r.maxSeconds)) },
        { header: 'Paid', cell: (r) => (r.paid ? 'yes' : 'no') },
        { header: 'Status', cell: (r) => (r.active ? <Pill tone="success">active</Pill> : <Pill>inactive</Pill>) },
      ]}
    />
  );
}
