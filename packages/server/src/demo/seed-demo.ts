import { hashPassword } from '../identity/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';
import { DEMO_DISPOSITIONS } from './demo-dispositions.ts';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_PAUSE_REASONS, DEMO_QUEUES, DEMO_SKILLS } from './demo-data.ts';

export interface DemoCredentials {
  role: string;
  username: string;
  password: string;
  note: string;
}

/** The demo accounts. Their passwords are public: demo mode says so on the console and the login page. */
export const DEMO_ACCOUNTS: DemoCredentials[] = [
  { role: 'agent', username: 'alice', password: 'alice-demo', note: 'Agent at extension 1001 (English, French, Support)' },
  { role: 'supervisor', username: 'sam', password: 'sam-demo', note: 'Supervisor of every queue' },
  { role: 'admin', username: 'admin', password: 'admin-demo', note: 'Administrator' },
];

/** Fill an empty database with the demo call centre. Returns false when the database already has users. */
export async function seedDemo(repos: Repositories, pbx: string): Promise<boolean> {
  if ((await repos.users.list()).length > 0) return false;
  const skillIds = new Map<string, string>();
  for (const s of DEMO_SKILLS) {
    const skill = await repos.skills.create({ name: s.name, label: s.label, kind: s.kind });
    skillIds.set(s.name, skill.id);
    await repos.skills.setSkillQueues(skill.id, [{ pbx, queue: s.queue, basePenalty: 0, penaltyStep: 1 }]);
  }
  for (const q of DEMO_QUEUES) {
    await repos.queueSettings.upsert(pbx, q.name, {
      displayName: q.label,
      language: q.language,
      serviceLevelSeconds: 20,
      popupUrlTemplate: 'https://crm.example.com/contacts?phone={number}',
    });
  }
  for (const r of DEMO_PAUSE_REASONS) await repos.pauseReasons.create(r);
  for (const d of DEMO_DISPOSITIONS) await repos.dispositions.set(pbx, d.queue, { required: false, codes: d.codes.map((c) => ({ ...c })) });
  const password = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)?.password ?? `${u}-demo`;
  const agentIds: string[] = [];
  for (const a of DEMO_AGENTS) {
    const user = await repos.users.create({
      username: a.username,
      displayName: a.name,
      role: 'agent',
      passwordHash: await hashPassword(password(a.username)),
    });
    agentIds.push(user.id);
    await repos.agents.upsert(user.id, { pbx, defaultExtension: a.extension });
    await repos.skills.setAgentSkills(
      user.id,
      a.skills.map((s) => ({ skillId: skillIds.get(s.skill)!, proficiency: s.proficiency })),
    );
    await repos.workstations.create({ name: `Desk ${a.extension}`, ip: `10.0.10.${Number(a.extension) - 1000}`, pbx, extension: a.extension });
  }
  const sam = await repos.users.create({ username: 'sam', displayName: 'Sam Supervisor', role: 'supervisor', passwordHash: await hashPassword(password('sam')) });
  const team = await repos.teams.create({ name: 'Contact centre floor' });
  await repos.teams.setMembers(team.id, agentIds);
  await repos.userScopes.replace(sam.id, [
    { kind: 'team' as const, value: team.id },
    ...DEMO_QUEUES.map((q) => ({ kind: 'queue' as const, pbx, value: q.name })),
    { kind: 'extension' as const, pbx, value: '1010' },
  ]);
  await repos.users.create({ username: 'admin', displayName: 'Administrator', role: 'admin', passwordHash: await hashPassword(password('admin')) });
  for (const c of DEMO_CUSTOMERS) {
    await repos.customers.create({ name: c.name, address: c.address, language: c.language, notes: c.notes, numbers: [c.number] });
  }
  return true;
}
