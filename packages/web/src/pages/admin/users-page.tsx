import type { User } from '@amiable/protocol';
import { ROLES } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

const FIELDS: FieldSpec[] = [
  { key: 'username', label: 'Username', kind: 'text', required: true, mono: true },
  { key: 'displayName', label: 'Display name', kind: 'text', required: true },
  { key: 'role', label: 'Role', kind: 'select', options: ROLES.map((r) => ({ value: r, label: r })) },
  { key: 'password', label: 'Password', kind: 'password', required: true, only: 'create', hint: 'At least 8 characters.' },
  { key: 'password', label: 'New password', kind: 'password', only: 'edit', hint: 'Leave empty to keep the current one.' },
  { key: 'agentId', label: 'Agent', kind: 'nullable-text', mono: true, hint: 'The agent this user works as.' },
  { key: 'teams', label: 'Teams', kind: 'list', hint: 'Comma-separated team ids.' },
  { key: 'queues', label: 'Queues', kind: 'list', hint: 'Queues a supervisor manages.' },
  { key: 'disabled', label: 'Disabled', kind: 'checkbox', placeholder: 'Account disabled' },
];

const ROLE_TONE = { admin: 'danger', supervisor: 'primary', agent: 'success', integration: 'info' } as const;

export function UsersPage() {
  const client = useClient();
  return (
    <CrudPage<User>
      title="Users & roles"
      description="Who can sign in, and what their role lets them see and do."
      noun="User"
      resource={client.api.users}
      testId="admin-users"
      fields={FIELDS}
      columns={[
        { header: 'User', cell: (u) => (<><div className="agent-name">{u.displayName}</div><div className="small muted mono">{u.username}</div></>) },
        { header: 'Role', cell: (u) => <Pill tone={ROLE_TONE[u.role]}>{u.role}</Pill> },
        { header: 'Agent', cell: (u) => <span className="mono">{u.agentId ?? '—'}</span> },
        { header: 'Teams', cell: (u) => u.teams.join(', ') || '—' },
        { header: 'Queues', cell: (u) => u.queues.join(', ') || '—' },
        { header: 'Status', cell: (u) => (u.disabled ? <Pill tone="danger">disabled</Pill> : <Pill tone="success">active</Pill>) },
      ]}
    />
  );
}
