import type { Agent, Team, User } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { CrudPage } from './crud/crud-page.tsx';

/** Teams by name, with their supervisors picked by name; members join a team on the Agents page. */
export function TeamsPage() {
  const { t } = useT('admin');
  const client = useClient();
  const users = useAsync(() => client.api.users.list({ limit: 500 }), [client]);
  const agents = useAsync(() => client.api.agents.list({ limit: 500 }), [client]);
  const userById = new Map<string, User>((users.data?.items ?? []).map((u) => [u.id, u]));
  const supervisors = [...userById.values()].filter((u) => u.role === 'supervisor' || u.role === 'admin');
  const members = (team: Team) => (agents.data?.items ?? []).filter((a: Agent) => a.teams.includes(team.id)).map((a) => a.name);
  const fields: FieldSpec[] = [
    { key: 'name', label: t('teams.name'), kind: 'text', required: true, placeholder: t('teams.namePlaceholder') },
    { key: 'supervisorIds', label: t('teams.supervisors'), kind: 'choices', options: supervisors.map((u) => ({ value: u.id, label: u.displayName })) },
  ];
  return (
    <CrudPage<Team>
      title={t('teams.title')}
      description={t('teams.description')}
      noun={t('teams.noun')}
      resource={client.api.teams}
      testId="admin-teams"
      fields={fields}
      columns={[
        { header: t('teams.colName'), cell: (x) => <span className="agent-name">{x.name}</span> },
        { header: t('teams.colSupervisors'), cell: (x) => x.supervisorIds.map((id) => userById.get(id)?.displayName ?? t('teams.unknownUser')).join(', ') || '—' },
        { header: t('teams.colMembers'), cell: (x) => members(x).join(', ') || '—' },
      ]}
    />
  );
}
