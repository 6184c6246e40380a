import WebSocket from 'ws';
import { until } from '../lib/agents.ts';
import { startMemberChurn } from '../lib/load.ts';
import { type ChaosScenario, loadAverage } from '../lib/result.ts';
import { type ChaosServer, startChaosServer } from '../lib/server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Frame {
  op: string;
  seq?: number;
  session?: string;
  resumed?: boolean;
  mustResync?: boolean;
  type?: string;
  at?: string;
  payload?: unknown;
}

/** One WebSocket client that resumes its stream after every disconnect and checks its seqs. */
class ResumingClient {
  socket: WebSocket | undefined;
  session: string | undefined;
  lastSeq = 0;
  events = 0;
  duplicates = 0;
  gaps = 0;
  resyncs = 0;
  reconnects = 0;
  readonly keys = new Map<string, number>();
  #wsUrl: string;
  #token: string;

  constructor(url: string, token: string) {
    this.#wsUrl = `${url.replace(/^http/, 'ws')}/api/ws`;
    this.#token = token;
  }

  connect(): Promise<void> {
    const ws = new WebSocket(this.#wsUrl);
    this.socket = ws;
    return new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('open', () => {
        const resume = this.session ? { resume: { stream: this.session, seq: this.lastSeq } } : {};
        ws.send(JSON.stringify({ op: 'hello', v: 1, token: this.#token, ...resume }));
      });
      ws.on('message', (data) => {
        const f = JSON.parse(String(data)) as Frame;
        if (f.op === 'welcome') {
          if (this.session && (!f.resumed || f.mustResync || f.session !== this.session)) this.resyncs++;
          this.session = f.session;
          resolve();
        } else if (f.op === 'event') {
          const seq = f.seq!;
          if (seq <= this.lastSeq) {
            this.duplicates++;
            return;
          }
          if (seq !== this.lastSeq + 1) this.gaps += seq - this.lastSeq - 1;
          this.lastSeq = seq;
          this.events++;
          const key = `${f.type}|${f.at}|${JSON.stringify(f.payload)}`;
          this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
        }
      });
    });
  }

  busy = false;

  async bounce(downMs: number): Promise<void> {
    const ws = this.socket;
    if (!ws || this.busy) return;
    this.busy = true;
    const closed = new Promise((r) => ws.once('close', r));
    ws.terminate();
    await closed;
    await sleep(downMs);
    this.reconnects++;
    try {
      await this.connect();
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.socket?.close();
  }
}

async function token(server: ChaosServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * 200 WebSocket clients (20 short) watch a busy PBX while random ones are cut (TCP reset)
 * and resume their stream; a client that never disconnects is the reference. Reports events
 * missed and duplicated across all clients, both 0.
 */
export const clientResume: ChaosScenario = {
  name: 'client-resume',
  async run({ short, log }) {
    const clients = short ? 20 : 200;
    const seconds = short ? 5 : 30;
    const rate = short ? 100 : 200;
    const server = await startChaosServer({ router: { resumeWindowSeconds: 120, maxQueuedEvents: 20_000 } });
    try {
      const t = await token(server);
      const reference = new ResumingClient(server.url, t);
      await reference.connect();
      const all: ResumingClient[] = [];
      for (let i = 0; i < clients; i++) {
        const c = new ResumingClient(server.url, t);
        await c.connect();
        all.push(c);
      }
      const load = startMemberChurn(server.demo!.sim, rate);
      const end = Date.now() + seconds * 1000;
      const bounces: Promise<void>[] = [];
      while (Date.now() < end) {
        await sleep(20 + Math.floor(Math.random() * 80));
        const c = all[Math.floor(Math.random() * all.length)]!;
        bounces.push(c.bounce(Math.floor(Math.random() * 500)).catch((err) => log(`client-resume: reconnect failed: ${(err as Error).message}`)));
      }
      load.stop();
      await Promise.all(bounces);
      // Let every queue drain: the reference and each client end on the same count.
      await until('clients caught up', () => all.every((c) => c.events >= reference.events), 30_000).catch(() => undefined);
      await sleep(500);
      let missed = 0;
      let duplicated = 0;
      for (const c of all) {
        duplicated += c.duplicates;
        for (const [key, n] of reference.keys) {
          const got = c.keys.get(key) ?? 0;
          if (got < n) missed += n - got;
          if (got > n) duplicated += got - n;
        }
        for (const [key, n] of c.keys) if (!reference.keys.has(key)) duplicated += n;
        missed += c.gaps;
      }
      const reconnects = all.reduce((n, c) => n + c.reconnects, 0);
      const resyncs = all.reduce((n, c) => n + c.resyncs, 0);
      for (const c of [reference, ...all]) c.close();
      const common = { clients, seconds, reconnects, resyncs, events_per_client: reference.events, load_avg: loadAverage() };
      return [
        { bench: 'chaos.client_resume', metric: 'missed_events', value: missed, target: '== 0', pass: missed === 0 && resyncs === 0, extra: common },
        { bench: 'chaos.client_resume', metric: 'duplicated_events', value: duplicated, target: '== 0', pass: duplicated === 0, extra: common },
        { bench: 'chaos.client_resume', metric: 'reconnects', value: reconnects, unit: 'reconnects', extra: common },
      ];
    } finally {
      await server.close();
    }
  },
};
