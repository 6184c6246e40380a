import type { IconName } from '../../ui/icon.tsx';

/** The admin console's pages, in navigation order; labels in the admin namespace (`sections.*`). */
export const ADMIN_SECTIONS = [
  { path: 'users', labelKey: 'sections.users', icon: 'users' },
  { path: 'agents', labelKey: 'sections.agents', icon: 'headset' },
  { path: 'skills', labelKey: 'sections.skills', icon: 'route' },
  { path: 'teams', labelKey: 'sections.teams', icon: 'users' },
  { path: 'queues', labelKey: 'sections.queues', icon: 'list' },
  { path: 'workstations', labelKey: 'sections.workstations', icon: 'monitor' },
  { path: 'pause-reasons', labelKey: 'sections.pauseReasons', icon: 'pause' },
  { path: 'wrapup', labelKey: 'sections.wrapup', icon: 'timer' },
  { path: 'dispositions', labelKey: 'sections.dispositions', icon: 'list' },
  { path: 'customers', labelKey: 'sections.customers', icon: 'contacts' },
  { path: 'integrations', labelKey: 'sections.integrations', icon: 'key' },
  { path: 'reports', labelKey: 'sections.reports', icon: 'chart' },
  { path: 'calls', labelKey: 'sections.calls', icon: 'list' },
  { path: 'audit', labelKey: 'sections.audit', icon: 'shield' },
  { path: 'system', labelKey: 'sections.system', icon: 'gauge' },
] as const satisfies readonly { path: string; labelKey: `sections.${string}`; icon: IconName }[];

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['path'];
