import { createClient } from '../../src/create-client.ts';
import type { CtiClient } from '../../src/client.ts';
import { FakeTimers } from './fake-timers.ts';
import { emptyState, type FakeSocket, fakeFetch, socketFactory, tokenPair, welcome } from './fake-server.ts';

type Handlers = Parameters<typeof fakeFetch>[0];

/** A client wired to a fake server: fake fetch, fake WebSocket, hand-driven clock. */
export function harness(handlers: Handlers = {}, extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  const timers = new FakeTimers();
  const { sockets, WebSocket } = socketFactory();
  let issued = 0;
  const http = fakeFetch({
    'POST /api/auth/login': () => ({ body: tokenPair(++issued) }),
    'POST /api/auth/refresh': () => ({ body: tokenPair(++issued) }),
    'POST /api/auth/logout': () => ({ status: 204 }),
    'GET /api/state': () => ({ body: emptyState }),
    ...handlers,
  });
  const client: CtiClient = createClient({
    baseUrl: 'http://cti.test',
    fetch: http.fetch,
    WebSocket,
    timers,
    random: () => 0.5,
    backoff: { initialMs: 1000, maxMs: 8000, jitter: 0 },
    ...extra,
  });
  const socket = (i = sockets.length - 1): FakeSocket => {
    const s = sockets[i];
    if (!s) throw new Error(`no socket #${i}`);
    return s;
  };
  /** Opens the current socket and answers its hello with a welcome. */
  const accept = async (session = 's-1', seq = 0, extraWelcome: Record<string, unknown> = {}): Promise<FakeSocket> => {
    const s = socket();
    s.open();
    await timers.advance(0);
    s.push(welcome(session, seq, extraWelcome));
    return s;
  };
  return { client, timers, sockets, socket, accept, calls: http.calls };
}

export function agentState(agentId: string, state: string) {
  return {
    agentId,
    name: 'Ada',
    state,
    previousState: null,
    reason: null,
    since: '2026-11-26T09:00:00.000Z',
    extension: '1001',
    queues: ['lang-en'],
    wrapupEndsAt: null,
    pauseAfterCall: null,
  };
}

export function eventFrame(seq: number, type: string, payload: unknown) {
  return { op: 'event', seq, type, at: '2026-11-26T09:00:00.000Z', scope: {}, payload };
}
