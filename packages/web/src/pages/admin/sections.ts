/** The admin console's pages, in navigation order. */
export const ADMIN_SECTIONS = [
  { path: 'users', label: 'Users & roles', icon: '👤' },
  { path: 'agents', label: 'Agents', icon: '🎧' },
  { path: 'skills', label: 'Skills & queues', icon: '⇄' },
  { path: 'workstations', label: 'Workstations', icon: '🖥' },
  { path: 'pause-reasons', label: 'Pause reasons', icon: '⏸' },
  { path: 'wrapup', label: 'Wrap-up policy', icon: '⏱' },
  { path: 'customers', label: 'Customers', icon: '📇' },
  { path: 'integrations', label: 'Integrations', icon: '🔑' },
  { path: 'reports', label: 'Reports', icon: '📈' },
  { path: 'calls', label: 'Call log', icon: '☰' },
  { path: 'audit', label: 'Audit log', icon: '🛡' },
  { path: 'system', label: 'System status', icon: '⚙' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['path'];
