import type { Agent, Skill } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Pill } from '../../ui/pill.tsx';
import { CrudPage } from './crud/crud-page.tsx';

const FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Agent id', kind: 'text', only: 'create', mono: true, hint: 'Leave empty to let the server choose.' },
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'userId', label: 'User', kind: 'nullable-text', mono: true, hint: 'The user who signs in as this agent.' },
  { key: 'defaultExtension', label: 'Default extension', kind: 'nullable-text', mono: true },
  { key: 'skills', label: 'Skills and levels', kind: 'skill-levels', placeholder: 'en:100, fr:60', hint: 'skill:level (0–100), comma-separated. Skills map to queues.' },
  { key: 'teams', label: 'Teams', kind: 'list' },
  { key: 'wrapupSeconds', label: 'Wrap-up (s)', kind: 'nullable-number', hint: 'Empty: the policy default. 0: none.' },
];

export function AgentsPage() {
  const client = useClient();
  const skills = useAsync(() => client.api.skills.list({ limit: 1000 }), [client]);
  const byId = new Map<string, Skill>((skills.data?.items ?? []).map((s) => [s.id, s]));
  return (
    <CrudPage<Agent>
      title="Agents"
      description="Agents, their skills and languages, and the extension they sign in at by default."
      noun="Agent"
      resource={client.api.agents}
      testId="admin-agents"
      fields={FIELDS}
      columns={[
        { header: 'Agent', cell: (a) => (<><div className="agent-name">{a.name}</div><div className="small muted mono">{a.id}</div></>) },
        { header: 'Default ext.', cell: (a) => <span className="mono">{a.defaultExtension ?? '—'}</span> },
        {
          header: 'Skills',
          cell: (a) => (
            <div className="row-wrap">
              {a.skills.length === 0 && <span className="muted">—</span>}
              {a.skills.map((s) => (
                <Pill key={s.skillId} tone="primary" plain>
                  {byId.get(s.skillId)?.name ?? s.skillId} · {s.level}
                </Pill>
              ))}
            </div>
          ),
        },
        {
          header: 'Languages',
          cell: (a) =>
            [...new Set(a.skills.map((s) => byId.get(s.skillId)?.language).filter(Boolean))].map((l) => String(l).toUpperCase()).join(', ') || '—',
        },
        { header: 'Wrap-up', cell: (a) => (a.wrapupSeconds === null ? 'default' : `${a.wrapupSeconds}s`) },
      ]}
    />
  );
}
