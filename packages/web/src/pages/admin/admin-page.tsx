import { type ComponentType, useEffect } from 'react';
import { navigate } from '../../app/router.ts';
import { AgentsPage } from './agents-page.tsx';
import { AuditPage } from './audit-page.tsx';
import { CallLogPage } from './call-log-page.tsx';
import { CustomersPage } from './customers-page.tsx';
import { DispositionsPage } from './dispositions-page.tsx';
import { IntegrationsPage } from './integrations-page.tsx';
import { PauseReasonsPage } from './pause-reasons-page.tsx';
import { QueuesPage } from './queues-page.tsx';
import { ReportsPage } from './reports-page.tsx';
import { type AdminSection, ADMIN_SECTIONS } from './sections.ts';
import { SkillsPage } from './skills-page.tsx';
import { SystemPage } from './system-page.tsx';
import { TeamsPage } from './teams-page.tsx';
import { UsersPage } from './users-page.tsx';
import { WorkstationsPage } from './workstations-page.tsx';
import { WrapupPage } from './wrapup-page.tsx';

const PAGES: Record<AdminSection, ComponentType> = {
  users: UsersPage,
  agents: AgentsPage,
  skills: SkillsPage,
  teams: TeamsPage,
  queues: QueuesPage,
  workstations: WorkstationsPage,
  'pause-reasons': PauseReasonsPage,
  wrapup: WrapupPage,
  dispositions: DispositionsPage,
  customers: CustomersPage,
  integrations: IntegrationsPage,
  reports: ReportsPage,
  calls: CallLogPage,
  audit: AuditPage,
  system: SystemPage,
};

/** `#/admin/<section>`: one page per section; `#/admin` opens the first. */
export function AdminPage({ route }: { route: string }) {
  const section = route.split('/')[2] as AdminSection | undefined;
  const Page = section ? PAGES[section] : undefined;
  useEffect(() => {
    if (!Page) navigate(`/admin/${ADMIN_SECTIONS[0].path}`);
  }, [Page]);
  return Page ? <Page key={section} /> : null;
}
