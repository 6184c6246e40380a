import type { WebSocketLike } from '../../src/live/web-socket.ts';

/** A fake WebSocket: the test plays the server, reading what the client sent and pushing frames back. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code?: number; reason?: string } | undefined;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  // --- server side ---
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  push(frame: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  frames(op: string): Record<string, unknown>[] {
    return this.sent.filter((f) => f.op === op);
  }
}

/** Records every socket the client opens. */
export function socketFactory(): { sockets: FakeSocket[]; WebSocket: new (url: string) => FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    WebSocket: class extends FakeSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
    },
  };
}

export interface FetchCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: FetchCall) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>;

/** A fake fetch answering by "METHOD /path" (query string ignored). */
export function fakeFetch(handlers: Record<string, Handler>): { fetch: (url: string, init?: RequestInit) => Promise<Response>; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    const path = new URL(url).pathname;
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === 'string' && headers['content-type'] === 'application/json' ? JSON.parse(init.body) : init.body;
    const call = { method, url, headers, body };
    calls.push(call);
    const handler = handlers[`${method} ${path}`];
    if (!handler) return json(404, { code: 'CTI_ERR_NOT_FOUND', message: `no route ${method} ${path}` });
    const { status = 200, body: out } = await handler(call);
    return status === 204 ? new Response(null, { status }) : json(status, out);
  };
  return { fetch, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export const principal = { userId: 'u-1', username: 'ada', role: 'agent' as const, agentId: 'agent-1001' };

export function tokenPair(n: number, expiresIn = 900) {
  return { tokenType: 'Bearer', accessToken: `access-${n}`, expiresIn, refreshToken: `refresh-${n}`, refreshExpiresIn: 86400, user: principal };
}

export function welcome(session: string, seq: number, extra: Record<string, unknown> = {}) {
  return { op: 'welcome', v: 1, session, seq, resumed: false, mustResync: false, resumeWindowSeconds: 60, principal, ...extra };
}

export const emptyState = { at: '2026-11-26T09:00:00.000Z', pbx: [], agents: [], queues: [], calls: [] };
