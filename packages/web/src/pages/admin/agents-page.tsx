import type { Agent, Skill, Team } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

/**
 * Agents by name: "New agent" creates the user (username, password) and the agent in one request;
 * skills and teams are picked by name. Ids are never shown.
 */
export function AgentsPage() {
  const { t } = useT('admin');
  const client = useClient();
  const skills = useAsync(() => client.api.skills.list({ limit: 1000 }), [client]);
  const teams = useAsync(() => client.api.teams.list({ limit: 1000 }), [client]);
  const skillById = new Map<string, Skill>((skills.data?.items ?? []).map((s) => [s.id, s]));
  const teamById = new Map<string, Team>((teams.data?.items ?? []).map((x) => [x.id, x]));
  const skillOptions = [...skillById.values()].map((s) => ({ value: s.id, label: s.name }));
  const teamOptions = [...teamById.values()].map((x) => ({ value: x.id, label: x.name }));
  const fields: FieldSpec[] = [
    { key: 'name', label: t('agents.name'), kind: 'text', required: true, placeholder: 'Emma Clark' },
    { key: 'username', label: t('agents.username'), kind: 'text', required: true, only: 'create', mono: true, hint: t('agents.usernameHint') },
    { key: 'password', label: t('agents.password'), kind: 'password', required: true, only: 'create', hint: t('agents.passwordHint') },
    { key: 'defaultExtension', label: t('agents.defaultExtension'), kind: 'nullable-text', mono: true, placeholder: '1005' },
    { key: 'skills', label: t('agents.skills'), kind: 'skill-levels', options: skillOptions, hint: t('agents.skillsHint') },
    { key: 'teams', label: t('agents.teams'), kind: 'choices', options: teamOptions },
    { key: 'wrapupSeconds', label: t('agents.wrapup'), kind: 'nullable-number', hint: t('agents.wrapupHint') },
  ];
  return (
    <CrudPage<Agent>
      title={t('agents.title')}
      description={t('agents.description')}
      noun={t('agents.noun')}
      resource={client.api.agents}
      testId="admin-agents"
      fields={fields}
      columns={[
        {
          header: t('agents.colAgent'),
          cell: (a) => (
            <>
              <div className="agent-name" data-testid="agent-name">{a.name}</div>
              {a.username && <div className="small muted mono" data-testid="agent-username">{a.username}</div>}
            </>
          ),
        },
        { header: t('agents.colExtension'), cell: (a) => <span className="mono">{a.defaultExtension ?? '—'}</span> },
        {
          header: t('agents.colSkills'),
          cell: (a) => (
            <div className="row-wrap" data-testid="agent-skills">
              {a.skills.length === 0 && <span className="muted">—</span>}
              {a.skills.map((s) => (
                <Pill key={s.skillId} tone="primary" plain>
                  {skillById.get(s.skillId)?.name ?? t('agents.unknownSkill')} · {s.level}
                </Pill>
              ))}
            </div>
          ),
        },
        { header: t('agents.colTeams'), cell: (a) => a.teams.map((id) => teamById.get(id)?.name ?? t('agents.unknownTeam')).join(', ') || '—' },
        {
          header: t('agents.colLanguages'),
          cell: (a) =>
            [...new Set(a.skills.map((s) => skillById.get(s.skillId)?.language).filter(Boolean))].map((l) => String(l).toUpperCase()).join(', ') || '—',
        },
        { header: t('agents.colWrapup'), cell: (a) => (a.wrapupSeconds === null ? t('agents.wrapupDefault') : t('agents.seconds', { count: a.wrapupSeconds })) },
      ]}
    />
  );
}
