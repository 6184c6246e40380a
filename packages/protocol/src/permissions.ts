/**
 * Permissions: what a role may see and do. Whether a principal may act on a given target
 * (itself, its team, its configured scope, anything) is decided by the command's target rule.
 */
export const PERMISSIONS = [
  'agent.read', // agent state and sessions
  'call.read', // call events
  'queue.read', // queue statistics and membership
  'queue.monitor', // every call and member event of one's queues, not only one's own
  'pbx.read', // PBX connection state, resync notices
  'agent.control', // sign in/out, ready, pause, wrap-up, join/leave queues
  'call.control', // originate, transfer, hang up
  'recording.control', // start and stop recording
  'supervisor.monitor', // listen, whisper, barge
  'supervisor.manage', // force ready/pause/sign-out, move agents between queues
  'directory.read', // agents, skills, queues, workstations, pause reasons
  'customer.read',
  'customer.write',
  'customer.import', // bulk CSV import of the directory
  'report.read',
  'admin.manage', // users, agents, skills, workstations, pause reasons, API keys
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['agent', 'supervisor', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

const READ: Permission[] = ['agent.read', 'call.read', 'queue.read', 'pbx.read', 'directory.read'];

/** The permissions each role holds. Admin holds all of them. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // recording.control: an agent's own calls, and only where the server's recording policy allows it.
  agent: [...READ, 'agent.control', 'call.control', 'recording.control', 'customer.read', 'customer.write'],
  supervisor: [
    ...READ,
    'queue.monitor',
    'agent.control',
    'call.control',
    'recording.control',
    'supervisor.monitor',
    'supervisor.manage',
    'customer.read',
    'customer.write',
    'customer.import',
    'report.read',
  ],
  admin: [...PERMISSIONS],
  integration: [
    ...READ,
    'queue.monitor',
    'agent.control',
    'call.control',
    'recording.control',
    'customer.read',
    'customer.write',
    'customer.import',
    'report.read',
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
