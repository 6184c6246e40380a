import type { Team, User } from '@amiable/protocol';
import { ROLES } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

const ROLE_TONE = { admin: 'danger', supervisor: 'primary', agent: 'success', integration: 'info' } as const;

/** Users by username and display name; teams picked by name. Agents are created on the Agents page. */
export function UsersPage() {
  const { t } = useT('admin');
  const { t: tc } = useT('common');
  const client = useClient();
  const teams = useAsync(() => client.api.teams.list({ limit: 1000 }), [client]);
  const teamById = new Map<string, Team>((teams.data?.items ?? []).map((x) => [x.id, x]));
  const fields: FieldSpec[] = [
    { key: 'username', label: t('users.username'), kind: 'text', required: true, mono: true },
    { key: 'displayName', label: t('users.displayName'), kind: 'text', required: true },
    { key: 'role', label: t('users.role'), kind: 'select', options: ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`, { defaultValue: r }) })) },
    { key: 'password', label: t('users.password'), kind: 'password', required: true, only: 'create', hint: t('users.passwordHint') },
    { key: 'password', label: t('users.newPassword'), kind: 'password', only: 'edit', hint: t('users.newPasswordHint') },
    { key: 'teams', label: t('users.teams'), kind: 'choices', options: [...teamById.values()].map((x) => ({ value: x.id, label: x.name })), hint: t('users.teamsHint') },
    { key: 'queues', label: t('users.queues'), kind: 'list', mono: true, placeholder: 'lang-en, support', hint: t('users.queuesHint') },
    { key: 'disabled', label: t('users.disabled'), kind: 'checkbox', placeholder: t('users.disabledBox') },
  ];
  return (
    <CrudPage<User>
      title={t('users.title')}
      description={t('users.description')}
      noun={t('users.noun')}
      resource={client.api.users}
      testId="admin-users"
      fields={fields}
      columns={[
        { header: t('users.colUser'), cell: (u) => (<><div className="agent-name">{u.displayName}</div><div className="small muted mono">{u.username}</div></>) },
        { header: t('users.colRole'), cell: (u) => <Pill tone={ROLE_TONE[u.role]}>{tc(`roles.${u.role}`, { defaultValue: u.role })}</Pill> },
        { header: t('users.colAgent'), cell: (u) => (u.agentId ? t('users.isAgent') : '—') },
        { header: t('users.colTeams'), cell: (u) => u.teams.map((id) => teamById.get(id)?.name ?? t('agents.unknownTeam')).join(', ') || '—' },
        { header: t('users.colQueues'), cell: (u) => u.queues.join(', ') || '—' },
        { header: t('users.colStatus'), cell: (u) => (u.disabled ? <Pill tone="danger">{t('users.statusDisabled')}</Pill> : <Pill tone="success">{t('users.statusActive')}</Pill>) },
      ]}
    />
  );
}
