import type { AgentView, CallView, QueueView } from '@amiable/protocol';
import { AGENTS, ago, CUSTOMERS, callRecords, now, PAUSE_REASONS, QUEUES, USERS } from './mock-data.ts';
import { mockReport } from './mock-reports.ts';

/**
 * An in-browser stand-in for the CTI server, for the development preview only:
 * a `fetch` and a `WebSocket` to pass to `createClient()`. It answers the REST
 * routes the web app uses and plays a little live traffic (a caller for the
 * signed-in agent a few seconds after they become ready).
 */
type Json = Record<string, unknown>;

const state = {
  agents: new Map(AGENTS.map((a) => [a.agentId, { ...a }])),
  queues: new Map(QUEUES.map((q) => [q.queue, { ...q }])),
  calls: new Map<string, CallView>(),
  customers: [...CUSTOMERS],
  user: USERS[0]!,
  seq: 0,
};
const sockets = new Set<MockSocket>();

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function page(items: unknown[]) {
  return { items, total: items.length };
}

export async function mockFetch(input: string, init: RequestInit = {}): Promise<Response> {
  await new Promise((r) => setTimeout(r, 120));
  const url = new URL(input, location.href);
  const method = init.method ?? 'GET';
  const body = typeof init.body === 'string' && init.body.startsWith('{') ? (JSON.parse(init.body) as Json) : {};
  const route = `${method} ${url.pathname}`;
  if (route === 'POST /api/auth/login') {
    const user = USERS.find((u) => u.username === body.username);
    if (!user || body.password !== 'demo') return json({ code: 'CTI_ERR_INVALID_CREDENTIALS', message: 'Wrong username or password' }, 401);
    state.user = user;
    const principal = { userId: user.id, username: user.username, role: user.role, agentId: user.agentId };
    return json({ tokenType: 'Bearer', accessToken: `t-${user.id}`, expiresIn: 3600, refreshToken: `r-${user.id}`, refreshExpiresIn: 86400, user: principal });
  }
  if (route === 'POST /api/auth/refresh') return json({ code: 'CTI_ERR_TOKEN_REVOKED', message: 'Demo sessions do not refresh' }, 401);
  if (route === 'POST /api/auth/logout') return new Response(null, { status: 204 });
  if (route === 'GET /api/demo') return json({ accounts: USERS.map((u) => ({ username: u.username, password: 'demo', role: u.role })), message: 'Preview data: nothing here reaches a PBX.' });
  if (route === 'GET /api/state') return json(snapshot());
  if (route === 'GET /api/health') return json({ status: 'ok', version: '0.1.0-preview', protocol: 1, uptimeSeconds: 86_000, at: now(), pbx: [{ pbx: 'main', state: 'ready' }] });
  if (route === 'GET /api/status') return json({ version: '0.1.0-preview', uptimeSeconds: 86_000, pbx: [{ pbx: 'main', state: 'ready', since: ago(86_000), host: '10.0.0.5:5038' }], eventsPerSecond: 31.6, clients: { websocket: sockets.size + 11, ami: 2, byRole: { agent: 8, supervisor: 2, admin: 1 } } });
  if (route === 'GET /api/agents/me/sign-in-context') return json({ workstation: { id: 'ws-12', name: 'Desk 12', extension: '1001' }, defaultExtension: '1001', allowExtensionChoice: true, queues: [{ queue: 'lang-en', language: 'en', skill: 'en' }, { queue: 'lang-fr', language: 'fr', skill: 'fr' }] });
  if (route === 'GET /api/pause-reasons') return json(page(PAUSE_REASONS));
  if (route === 'GET /api/users') return json(page(USERS));
  if (route === 'GET /api/customers/lookup') return json(page(state.customers.filter((c) => c.phoneNumbers.includes(url.searchParams.get('number') ?? ''))));
  if (route === 'GET /api/customers') return json(page(state.customers));
  if (method === 'GET' && url.pathname.startsWith('/api/customers/')) {
    const found = state.customers.find((c) => c.id === url.pathname.split('/')[3]);
    return found ? json(found) : json({ code: 'CTI_ERR_NOT_FOUND', message: 'No such customer' }, 404);
  }
  if (route === 'POST /api/customers') {
    const customer = { id: `c-${state.customers.length + 1}`, company: null, email: null, language: null, notes: null, externalUrl: null, ...body } as (typeof CUSTOMERS)[number];
    state.customers.push(customer);
    return json(customer, 201);
  }
  if (route === 'POST /api/customers/import') {
    const text = typeof init.body === 'string' ? init.body : await (init.body as Blob).text();
    const lines = text.split(/\r?\n/).filter(Boolean);
    const rejected = lines.slice(1).flatMap((line, i) => (/[0-9]{6,}/.test(line) ? [] : [{ line: i + 2, field: 'phone', reason: 'no valid phone number' }]));
    return json({ status: 'done', total: lines.length - 1, processed: lines.length - 1, created: rejected.length ? 0 : lines.length - 1, updated: 0, rejected, committed: rejected.length === 0 });
  }
  if (route === 'GET /api/calls') return json(page(callRecords(url.searchParams.get('agentId') ?? undefined)));
  if (url.pathname.startsWith('/api/reports/')) return json(mockReport(url.pathname.split('/')[3] ?? '', url.searchParams.get('from') ?? now(), url.searchParams.get('to') ?? now()));
  if (route === 'GET /api/settings/wrapup') return json({ defaultSeconds: 30, agentCanEnd: true, allowPauseAfterCall: true, allowExtensionChoice: true });
  if (route === 'GET /api/audit') return json(page([{ id: 'a1', at: ago(60), userId: 'u-2', username: 'sam', role: 'supervisor', ip: '10.0.0.31', channel: 'ws', action: 'supervisor.forcePause', args: { agentId: 'agent-1004', reason: 'lunch' }, ok: true, code: null }, { id: 'a2', at: ago(300), userId: 'u-1', username: 'ada', role: 'agent', ip: '10.0.0.12', channel: 'rest', action: 'auth.login', args: null, ok: false, code: 'CTI_ERR_INVALID_CREDENTIALS' }]));
  if (method === 'GET') return json(page([]));
  if (url.pathname.startsWith('/api/commands/')) return json(runCommand(url.pathname.split('/')[3] ?? '', body));
  return json({ code: 'CTI_ERR_NOT_IMPLEMENTED', message: `The preview does not implement ${route}` }, 501);
}

function snapshot() {
  return { at: now(), pbx: [{ pbx: 'main', state: 'ready', since: ago(86_000) }], agents: [...state.agents.values()], queues: [...state.queues.values()], calls: [...state.calls.values()] };
}

function broadcast(type: string, payload: unknown) {
  state.seq += 1;
  for (const s of sockets) s.deliver({ op: 'event', seq: state.seq, type, at: now(), scope: {}, payload });
}

function setAgent(agentId: string, patch: Partial<AgentView>) {
  const a = state.agents.get(agentId);
  if (!a) throw new Error(`no agent ${agentId}`);
  const next = { ...a, ...patch, since: now() };
  state.agents.set(agentId, next);
  broadcast('agent.state', { ...next, previousState: a.state });
  if (next.state === 'ready' && agentId === state.user.agentId) setTimeout(() => offerCall(agentId), 4000);
}

function offerCall(agentId: string) {
  const a = state.agents.get(agentId);
  if (a?.state !== 'ready') return;
  const customer = CUSTOMERS[0]!;
  const call = { callId: `${Date.now() / 1000}`, extension: a.extension, agentId, queue: 'lang-en' };
  setAgent(agentId, { state: 'ringing', callId: call.callId });
  broadcast('call.ringing', { ...call, direction: 'inbound', callerNumber: customer.phoneNumbers[0], callerName: customer.name, language: 'en', skill: 'en', customer: { id: customer.id, name: customer.name, company: customer.company, language: customer.language, externalUrl: null }, popupUrl: 'https://crm.example/search?phone=%2B442079460000', waitSeconds: 12 });
  setTimeout(() => {
    setAgent(agentId, { state: 'on-call', callId: call.callId });
    broadcast('call.answered', { ...call, direction: 'inbound', callerNumber: customer.phoneNumbers[0], callerName: customer.name, answeredAt: now(), waitSeconds: 15 });
  }, 5000);
}

function runCommand(name: string, args: Json): unknown {
  const agentId = (args.agentId as string | undefined) ?? state.user.agentId ?? '';
  switch (name) {
    case 'agent.signIn':
      setAgent(agentId, { state: 'paused', reason: 'admin', extension: (args.extension as string) || '1001', queues: ['lang-en', 'lang-fr'] });
      return { extension: '1001' };
    case 'agent.ready':
    case 'agent.endWrapup':
    case 'supervisor.forceReady':
      setAgent(agentId, { state: 'ready', reason: null, wrapupEndsAt: null });
      return {};
    case 'agent.pause':
    case 'supervisor.forcePause':
      setAgent(agentId, { state: 'paused', reason: args.reason as string });
      return {};
    case 'agent.signOut':
    case 'supervisor.forceSignOut':
      setAgent(agentId, { state: 'logged-out', queues: [], extension: null });
      return {};
    case 'agent.pauseAfterCall':
      setAgent(agentId, { pauseAfterCall: args.enabled ? ((args.reason as string) ?? 'break') : null });
      return {};
    case 'call.hangup': {
      const a = state.agents.get(state.user.agentId ?? '');
      broadcast('call.ended', { callId: args.callId, extension: a?.extension ?? null, agentId: a?.agentId ?? null, queue: 'lang-en', duration: 80, talkSeconds: 60, cause: { code: 16, text: 'Normal Clearing' }, outcome: 'answered' });
      if (a) setAgent(a.agentId, { state: 'wrap-up', wrapupEndsAt: new Date(Date.now() + 30_000).toISOString(), callId: null });
      return {};
    }
    default:
      return {};
  }
}

/** Drifts the wallboard figures so the preview looks alive. */
setInterval(() => {
  for (const q of state.queues.values()) {
    const waiting = Math.max(0, q.waiting + (Math.random() < 0.5 ? -1 : 1));
    const next: QueueView = { ...q, waiting, longestWaitSeconds: waiting ? Math.round(Math.random() * 90) : 0, answeredToday: q.answeredToday + (Math.random() < 0.4 ? 1 : 0) };
    state.queues.set(q.queue, next);
    broadcast('queue.stats', next);
  }
}, 7000);

export class MockSocket {
  readyState = 0;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(_url: string) {
    setTimeout(() => {
      this.readyState = 1;
      sockets.add(this);
      this.onopen?.({});
    }, 50);
  }

  deliver(frame: unknown) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(frame) }), 0);
  }

  send(data: string) {
    const frame = JSON.parse(data) as Json;
    const u = state.user;
    if (frame.op === 'hello') {
      this.deliver({ op: 'welcome', v: 1, session: 'preview', seq: state.seq, resumed: false, mustResync: false, resumeWindowSeconds: 60, principal: { userId: u.id, username: u.username, role: u.role, agentId: u.agentId } });
      this.deliver({ op: 'snapshot', seq: state.seq, state: snapshot() });
    } else if (frame.op === 'command') {
      try {
        this.deliver({ op: 'result', id: frame.id, ok: true, data: runCommand(String(frame.name), (frame.args ?? {}) as Json) });
      } catch (error) {
        this.deliver({ op: 'result', id: frame.id, ok: false, error: { code: 'CTI_ERR_NOT_FOUND', message: String(error) } });
      }
    } else if (frame.op === 'ping') this.deliver({ op: 'pong', id: frame.id, at: now() });
  }

  close() {
    sockets.delete(this);
    this.readyState = 3;
  }
}
