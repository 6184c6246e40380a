import type { AgentView, CallRecord, Customer, PauseReason, QueueView, User } from '@amiable/protocol';

/** Sample data for the development preview (`npm run dev -w @amiable/web`, then open /dev/preview.html). */
const now = () => new Date().toISOString();
const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();

export const QUEUES: QueueView[] = [
  { queue: 'lang-en', language: 'en', skill: 'en', waiting: 2, longestWaitSeconds: 41, ready: 1, onCall: 2, wrapup: 1, paused: 1, signedIn: 5, answeredToday: 132, abandonedToday: 7, serviceLevel: 86.4, serviceLevelSeconds: 20, avgWaitSeconds: 14, avgTalkSeconds: 212 },
  { queue: 'lang-fr', language: 'fr', skill: 'fr', waiting: 0, longestWaitSeconds: 0, ready: 2, onCall: 1, wrapup: 0, paused: 0, signedIn: 3, answeredToday: 58, abandonedToday: 2, serviceLevel: 93.1, serviceLevelSeconds: 20, avgWaitSeconds: 9, avgTalkSeconds: 180 },
  { queue: 'lang-de', language: 'de', skill: 'de', waiting: 5, longestWaitSeconds: 118, ready: 0, onCall: 2, wrapup: 0, paused: 1, signedIn: 3, answeredToday: 41, abandonedToday: 9, serviceLevel: 54.2, serviceLevelSeconds: 20, avgWaitSeconds: 47, avgTalkSeconds: 260 },
];

const agent = (agentId: string, name: string, state: AgentView['state'], ext: string | null, queues: string[], since: number, reason: string | null = null): AgentView => ({
  agentId,
  name,
  state,
  reason,
  since: ago(since),
  extension: ext,
  queues,
  wrapupEndsAt: state === 'wrap-up' ? new Date(Date.now() + 25_000).toISOString() : null,
  pauseAfterCall: null,
  callId: null,
});

export const AGENTS: AgentView[] = [
  agent('agent-1001', 'Ada Lovelace', 'logged-out', null, [], 0),
  agent('agent-1002', 'Grace Hopper', 'on-call', '1002', ['lang-en', 'lang-fr'], 183),
  agent('agent-1003', 'Alan Turing', 'ready', '1003', ['lang-en'], 42),
  agent('agent-1004', 'Marie Curie', 'paused', '1004', ['lang-fr', 'lang-en'], 611, 'lunch'),
  agent('agent-1005', 'Niels Bohr', 'wrap-up', '1005', ['lang-de', 'lang-en'], 12),
  agent('agent-1006', 'Lise Meitner', 'on-call', '1006', ['lang-de'], 74),
  agent('agent-1007', 'Emmy Noether', 'ringing', '1007', ['lang-de'], 4),
];

export const PAUSE_REASONS: PauseReason[] = [
  { id: 'p1', code: 'lunch', label: 'Lunch', paid: false, maxSeconds: 3600, active: true },
  { id: 'p2', code: 'break', label: 'Short break', paid: true, maxSeconds: 900, active: true },
  { id: 'p3', code: 'training', label: 'Training', paid: true, maxSeconds: null, active: true },
  { id: 'p4', code: 'admin', label: 'Back-office work', paid: true, maxSeconds: null, active: true },
];

export const CUSTOMERS: (Customer & { address?: string })[] = [
  { id: 'c-1', name: 'Isaac Newton', company: 'Royal Mint', phoneNumbers: ['+442079460000'], email: 'isaac@example.org', language: 'en', notes: 'Prefers calls in the morning. Ask about the order #4471 delivery.', externalUrl: null, address: '2 Jermyn Street, London' },
  { id: 'c-2', name: 'Émilie du Châtelet', company: null, phoneNumbers: ['+33140000000'], email: null, language: 'fr', notes: null, externalUrl: null, address: 'Cirey-sur-Blaise' },
];

export const USERS: User[] = [
  { id: 'u-1', username: 'ada', displayName: 'Ada Lovelace', role: 'agent', disabled: false, agentId: 'agent-1001', teams: ['t-1'], queues: [], createdAt: ago(86400 * 30), updatedAt: ago(86400) },
  { id: 'u-2', username: 'sam', displayName: 'Sam Supervisor', role: 'supervisor', disabled: false, agentId: null, teams: ['t-1'], queues: ['lang-en', 'lang-fr', 'lang-de'], createdAt: ago(86400 * 30), updatedAt: ago(86400) },
  { id: 'u-3', username: 'admin', displayName: 'Administrator', role: 'admin', disabled: false, agentId: 'agent-1003', teams: [], queues: [], createdAt: ago(86400 * 60), updatedAt: ago(86400) },
];

export function callRecords(agentId: string | undefined): CallRecord[] {
  const outcomes: CallRecord['outcome'][] = ['answered', 'answered', 'answered', 'abandoned', 'answered', 'transferred', 'no-answer'];
  return Array.from({ length: 14 }, (_, i) => {
    const started = Date.now() - (i + 1) * 1900_000;
    const outcome = outcomes[i % outcomes.length] ?? 'answered';
    return {
      callId: `17180000${i}.${i * 7}`,
      pbx: 'main',
      direction: i % 5 === 4 ? 'outbound' : 'inbound',
      callerNumber: i % 3 === 0 ? '+442079460000' : `+4420794600${String(10 + i)}`,
      callerName: i % 3 === 0 ? 'Isaac Newton' : null,
      calledNumber: '100',
      queue: i % 5 === 4 ? null : (['lang-en', 'lang-fr', 'lang-de'][i % 3] ?? null),
      agentId: outcome === 'abandoned' ? null : (agentId ?? 'agent-1002'),
      extension: '1001',
      customerId: i % 3 === 0 ? 'c-1' : null,
      startedAt: new Date(started).toISOString(),
      answeredAt: outcome === 'answered' ? new Date(started + 12_000).toISOString() : null,
      endedAt: new Date(started + 240_000).toISOString(),
      waitSeconds: 5 + ((i * 13) % 60),
      talkSeconds: outcome === 'answered' ? 60 + ((i * 37) % 400) : 0,
      outcome,
      hangupCause: 16,
    };
  });
}

export { ago, now };
