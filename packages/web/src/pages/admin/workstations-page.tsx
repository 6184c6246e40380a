import type { Workstation } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { CrudPage } from './crud/crud-page.tsx';

const FIELDS: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', required: true, placeholder: 'Desk 12, 2nd floor' },
  { key: 'extension', label: 'Extension', kind: 'text', required: true, mono: true },
  { key: 'mac', label: 'MAC address', kind: 'nullable-text', mono: true, placeholder: '00:11:22:aa:bb:cc' },
  { key: 'ip', label: 'IP address', kind: 'nullable-text', mono: true, placeholder: '10.0.0.21' },
];

export function WorkstationsPage() {
  const client = useClient();
  return (
    <CrudPage<Workstation>
      title="Workstations"
      description="Free seating: the PC an agent signs in from (by MAC or IP) decides the phone extension."
      noun="Workstation"
      resource={client.api.workstations}
      testId="admin-workstations"
      fields={FIELDS}
      columns={[
        { header: 'Name', cell: (w) => w.name },
        { header: 'Extension', cell: (w) => <span className="mono">{w.extension}</span> },
        { header: 'MAC', cell: (w) => <span className="mono">{w.mac ?? '—'}</span> },
        { header: 'IP', cell: (w) => <span className="mono">{w.ip ?? '—'}</span> },
      ]}
    />
  );
}
