import type { Skill, SkillQueue } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { CrudPage } from './crud/crud-page.tsx';

const SKILL_FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Skill id', kind: 'text', only: 'create', mono: true, placeholder: 'en' },
  { key: 'name', label: 'Name', kind: 'text', required: true, placeholder: 'English' },
  { key: 'language', label: 'Language', kind: 'nullable-text', placeholder: 'en' },
];

/** Skills (usually languages) and which Asterisk queue stands for each, with the member penalty. */
export function SkillsPage() {
  const client = useClient();
  const skills = useAsync(() => client.api.skills.list({ limit: 1000 }), [client]);
  const skillOptions = (skills.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  const mapFields: FieldSpec[] = [
    { key: 'skillId', label: 'Skill', kind: 'select', options: skillOptions, required: true },
    { key: 'queue', label: 'Queue', kind: 'text', required: true, mono: true, placeholder: 'lang-en' },
    { key: 'penalty', label: 'Penalty', kind: 'number', hint: 'Members join the queue with this penalty (lower rings first).' },
    { key: 'popupUrlTemplate', label: 'Screen-pop URL', kind: 'nullable-text', placeholder: 'https://crm.example/search?phone={callerNumber}' },
  ];
  const skillName = (id: string) => skills.data?.items.find((s) => s.id === id)?.name ?? id;
  return (
    <>
      <CrudPage<Skill>
        title="Skills"
        description="Skills agents have, typically the languages they speak."
        noun="Skill"
        resource={client.api.skills}
        testId="admin-skills"
        fields={SKILL_FIELDS}
        columns={[
          { header: 'Id', cell: (s) => <span className="mono">{s.id}</span> },
          { header: 'Name', cell: (s) => s.name },
          { header: 'Language', cell: (s) => s.language?.toUpperCase() ?? '—' },
        ]}
      />
      <CrudPage<SkillQueue>
        title="Skill → queue map"
        description="Signing in puts an agent in the queue of each of their skills, with the penalty given here."
        noun="Mapping"
        resource={client.api.skillQueues}
        testId="admin-skill-queues"
        fields={mapFields}
        columns={[
          { header: 'Skill', cell: (m) => skillName(m.skillId) },
          { header: 'Queue', cell: (m) => <span className="mono">{m.queue}</span> },
          { header: 'Penalty', cell: (m) => m.penalty, className: 'num' },
          { header: 'Screen-pop URL', cell: (m) => <span className="small mono">{m.popupUrlTemplate ?? '—'}</span> },
        ]}
      />
    </>
  );
}
