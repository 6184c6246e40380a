import type { IconName } from '../../ui/icon.tsx';

/** The admin console's pages, in navigation order. */
export const ADMIN_SECTIONS = [
  { path: 'users', label: 'Users & roles', icon: 'users' },
  { path: 'agents', label: 'Agents', icon: 'headset' },
  { path: 'skills', label: 'Skills & queues', icon: 'route' },
  { path: 'workstations', label: 'Workstations', icon: 'monitor' },
  { path: 'pause-reasons', label: 'Pause reasons', icon: 'pause' },
  { path: 'wrapup', label: 'Wrap-up policy', icon: 'timer' },
  { path: 'customers', label: 'Customers', icon: 'contacts' },
  { path: 'integrations', label: 'Integrations', icon: 'key' },
  { path: 'reports', label: 'Reports', icon: 'chart' },
  { path: 'calls', label: 'Call log', icon: 'list' },
  { path: 'audit', label: 'Audit log', icon: 'shield' },
  { path: 'system', label: 'System status', icon: 'gauge' },
] as const satisfies readonly { path: string; label: string; icon: IconName }[];

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['path'];
