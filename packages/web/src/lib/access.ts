/**
 * What each role sees in the web app. Areas follow the server's roles:
 * agent → desktop; supervisor → wallboard (and desktop when also an agent);
 * admin → everything. The server enforces the same rules; this only decides
 * what to show.
 */
export type Area = 'desktop' | 'wallboard' | 'admin';

export interface AccessInput {
  role: string;
  /** True when the user is also an agent (has an agent profile). */
  isAgent: boolean;
}

export function areasFor(user: AccessInput): Area[] {
  switch (user.role) {
    case 'admin':
      return ['desktop', 'wallboard', 'admin'];
    case 'supervisor':
      return user.isAgent ? ['desktop', 'wallboard'] : ['wallboard'];
    case 'agent':
      return ['desktop'];
    default:
      return [];
  }
}

/** The area a user lands on after login. */
export function homeArea(user: AccessInput): Area | undefined {
  const areas = areasFor(user);
  if (user.role === 'supervisor' && areas.includes('wallboard')) return 'wallboard';
  return areas[0];
}
