/**
 * Timesheet integration: listens to agent sessions and states and writes one
 * line per finished period (signed in, ready, on call, wrap-up, paused with its
 * reason) to a CSV file, plus the sign-in and sign-out times.
 *
 *   AMIABLE_URL=https://cti.example.com AMIABLE_API_KEY=… npx tsx packages/sdk/examples/timesheet.ts timesheet.csv
 *
 * Use an API key whose scope covers the agents to track (or AMIABLE_USER and
 * AMIABLE_PASSWORD of a supervisor).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createClient, type DeliveredEvent, type WebSocketConstructor } from '../src/index.ts';

const file = process.argv[2] ?? 'timesheet.csv';
const client = createClient({
  baseUrl: process.env.AMIABLE_URL ?? 'http://127.0.0.1:8080',
  WebSocket: WebSocket as unknown as WebSocketConstructor,
});

if (!existsSync(file)) writeFileSync(file, 'agent,period,reason,start,end,seconds\n');

/** What each agent is doing now, and since when. */
const current = new Map<string, { period: string; reason: string | null; since: string }>();

function close(agentId: string, end: string): void {
  const open = current.get(agentId);
  if (!open) return;
  const seconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(open.since)) / 1000));
  appendFileSync(file, [agentId, open.period, open.reason ?? '', open.since, end, seconds].join(',') + '\n');
  current.delete(agentId);
}

client.on('agent.session', (e: DeliveredEvent<'agent.session'>) => {
  const { agentId, action, at, extension, reason } = e.payload;
  if (action === 'signed-in') {
    appendFileSync(file, [agentId, 'sign-in', extension ?? '', at, '', ''].join(',') + '\n');
  } else {
    close(agentId, at);
    appendFileSync(file, [agentId, 'sign-out', reason ?? '', '', at, ''].join(',') + '\n');
  }
});

client.on('agent.state', (e: DeliveredEvent<'agent.state'>) => {
  const { agentId, state, reason, since } = e.payload;
  close(agentId, since);
  if (state !== 'logged-out') current.set(agentId, { period: state, reason: state === 'paused' ? reason : null, since });
});

// After a gap the server could not replay, restart every open period from the fresh state.
client.on('resync', ({ state }) => {
  const now = state.at;
  for (const agentId of [...current.keys()]) close(agentId, now);
  for (const a of state.agents) if (a.state !== 'logged-out') current.set(a.agentId, { period: a.state, reason: a.reason, since: a.since });
});

client.on('connection', (s) => console.error(`connection: ${s.state}${s.reason ? ` (${s.reason})` : ''}`));
client.on('error', (error) => console.error(`${error.code}: ${error.message}`));

if (process.env.AMIABLE_API_KEY) await client.loginWithApiKey(process.env.AMIABLE_API_KEY);
else await client.login(process.env.AMIABLE_USER ?? 'supervisor', process.env.AMIABLE_PASSWORD ?? '');

client.subscribe({ types: ['agent.session', 'agent.state', 'resync'] });
client.connect();
console.error(`writing the timesheet to ${file}; Ctrl-C to stop`);

process.on('SIGINT', () => {
  const now = new Date().toISOString();
  for (const agentId of [...current.keys()]) close(agentId, now);
  client.close();
  process.exit(0);
});
