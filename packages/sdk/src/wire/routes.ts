/**
 * Every REST path the SDK calls, in one place, so adjusting to the server's
 * routes is a change to this file only.
 */
const enc = encodeURIComponent;

export const routes = {
  webSocket: '/api/ws',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  demo: '/api/demo',
  health: '/api/health',
  state: '/api/state',
  status: '/api/status',
  signInContext: '/api/agents/me/sign-in-context',
  transferTargets: '/api/transfer-targets',
  missedCalls: '/api/agents/me/missed-calls',
  command: (name: string) => `/api/commands/${enc(name)}`,
  users: '/api/users',
  agents: '/api/agents',
  skills: '/api/skills',
  skillQueues: '/api/skill-queues',
  workstations: '/api/workstations',
  pauseReasons: '/api/pause-reasons',
  teams: '/api/teams',
  queues: '/api/queues',
  apiKeys: '/api/api-keys',
  wrapupPolicy: '/api/settings/wrapup',
  customers: '/api/customers',
  customerLookup: '/api/customers/lookup',
  customerImport: '/api/customers/import',
  customerImportJob: (id: string) => `/api/customers/import/${enc(id)}`,
  calls: '/api/calls',
  dispositions: '/api/dispositions',
  callDisposition: (callId: string) => `/api/calls/${enc(callId)}/disposition`,
  report: (name: string) => `/api/reports/${enc(name)}`,
  audit: '/api/audit',
  webhooks: '/api/webhooks',
  webhookTest: (id: string) => `/api/webhooks/${enc(id)}/test`,
  webhookDeliveries: (id: string) => `/api/webhooks/${enc(id)}/deliveries`,
  item: (collection: string, id: string) => `${collection}/${enc(id)}`,
} as const;

/** The Authorization header for a bearer access token or an API key (both sent as Bearer). */
export function authorizationHeader(credential: string): string {
  return `Bearer ${credential}`;
}
