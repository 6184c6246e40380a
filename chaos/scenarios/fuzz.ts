import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AmiParser, createAmiClient, createTcpTransport } from '@amiable/ami';
import WebSocket from 'ws';
import { mutate, rng } from '../lib/mutate.ts';
import { type ChaosResult, type ChaosScenario, loadAverage } from '../lib/result.ts';
import { startChaosServer } from '../lib/server.ts';

const TRACE = fileURLToPath(new URL('../../test/fixtures/ami-traces/busy-center/received.ami', import.meta.url));
const mb = (n: number) => Math.round(n / 1048576);

/** Recorded AMI frames (each ending with its blank line). */
function amiFrames(): Buffer[] {
  const text = readFileSync(TRACE, 'latin1');
  return text
    .split('\r\n\r\n')
    .filter((f) => f.includes(':'))
    .map((f) => Buffer.from(`${f}\r\n\r\n`, 'latin1'));
}

/** Unexpected exceptions anywhere in the process while `run` goes: each one is a crash. */
async function countingCrashes<T>(run: () => Promise<T>): Promise<{ result: T; crashes: number }> {
  let crashes = 0;
  const onCrash = () => {
    crashes++;
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    return { result: await run(), crashes };
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}

function fuzzCodec(frames: Buffer[], count: number, random: () => number): { thrown: number; messages: number } {
  let messages = 0;
  let thrown = 0;
  const parser = new AmiParser({ message: () => void messages++, error: () => undefined }, { maxMessageBytes: 64 * 1024 });
  for (let i = 0; i < count; i++) {
    const m = mutate(frames[Math.floor(random() * frames.length)]!, random);
    const cut = Math.floor(random() * (m.length + 1));
    try {
      parser.push(m.subarray(0, cut));
      parser.push(m.subarray(cut));
    } catch {
      thrown++;
      parser.reset(false);
    }
  }
  return { thrown, messages };
}

/** A fake Asterisk that accepts the login, answers every action, then streams mutated frames. */
async function fuzzClient(frames: Buffer[], count: number, random: () => number): Promise<{ sent: number; events: number; reconnects: number }> {
  let sent = 0;
  let events = 0;
  let reconnects = 0;
  const server = createServer((socket: Socket) => {
    socket.write('Asterisk Call Manager/9.0.0\r\n');
    let buffer = '';
    let streaming = false;
    socket.on('error', () => undefined);
    socket.on('data', (d) => {
      buffer += d.toString('latin1');
      let end = buffer.indexOf('\r\n\r\n');
      while (end >= 0) {
        const id = /ActionID: *([^\r\n]*)/i.exec(buffer.slice(0, end))?.[1] ?? '';
        socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
        buffer = buffer.slice(end + 4);
        end = buffer.indexOf('\r\n\r\n');
        if (!streaming) {
          streaming = true;
          const pump = () => {
            while (sent < count && !socket.destroyed) {
              const chunk: Buffer[] = [];
              for (let i = 0; i < 500 && sent < count; i++, sent++) chunk.push(mutate(frames[Math.floor(random() * frames.length)]!, random));
              // A clean frame boundary after each batch keeps framing recoverable, as Asterisk would.
              if (!socket.write(Buffer.concat([...chunk, Buffer.from('\r\n\r\n')]))) {
                socket.once('drain', pump);
                return;
              }
            }
            socket.end();
          };
          setImmediate(pump);
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    while (sent < count) {
      const client = createAmiClient({
        username: 'fuzz',
        secret: 'fuzz',
        events: 'on',
        keepalive: false,
        reconnect: false,
        transport: () => createTcpTransport({ host: '127.0.0.1', port }),
      });
      client.onEvent(() => void events++);
      client.onError(() => undefined);
      const closed = new Promise<void>((resolve) =>
        client.onStatus((s) => {
          if (s.to === 'closed' || s.to === 'reconnecting' || s.to === 'idle') resolve();
        }),
      );
      await client.connect().catch(() => undefined);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 60_000))]);
      await client.close().catch(() => undefined);
      reconnects++;
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
  return { sent, events, reconnects };
}

const WS_BASES = [
  { op: 'subscribe', id: 's1', filter: { queues: ['lang-en'], types: ['agent.state'] } },
  { op: 'ping', id: 'p1' },
  { op: 'command', id: 'c1', name: 'agent.pause', args: { reason: 'lunch' } },
  { op: 'command', id: 'c2', name: 'queue.join', args: { queue: 'lang-en', penalty: 1 } },
  { op: 'command', id: 'c3', name: 'call.dial', args: { number: '+15551234567' } },
].map((f) => Buffer.from(JSON.stringify(f)));

async function fuzzWebSocket(url: string, token: string, count: number, random: () => number, deadline: number): Promise<{ sent: number; closes: number }> {
  let sent = 0;
  let closes = 0;
  const wsUrl = `${url.replace(/^http/, 'ws')}/api/ws`;
  while (sent < count && Date.now() < deadline) {
    const ws = new WebSocket(wsUrl);
    const done = new Promise<void>((resolve) => {
      ws.on('close', () => resolve());
      ws.on('error', () => resolve());
    });
    await new Promise<void>((resolve) => {
      ws.on('open', () => resolve());
      ws.on('error', () => resolve());
    });
    if (ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ op: 'hello', v: 1, token }));
      // Bursts of 200 frames, then wait for the socket to drain (and for a possible close).
      for (let burst = 0; burst < 10 && sent < count && ws.readyState === WebSocket.OPEN; burst++) {
        for (let i = 0; i < 200 && sent < count; i++, sent++) {
          const base = WS_BASES[Math.floor(random() * WS_BASES.length)]!;
          ws.send(random() < 0.2 ? mutate(base, random) : mutate(base, random).toString('utf8'));
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      ws.close();
    }
    await done;
    closes++;
  }
  return { sent, closes };
}

const REST_BASES: Array<{ method: 'POST' | 'PUT' | 'PATCH'; url: string; body: Buffer }> = [
  { method: 'POST', url: '/api/auth/login', body: Buffer.from(JSON.stringify({ username: 'admin', password: 'wrong-password' })) },
  { method: 'POST', url: '/api/auth/refresh', body: Buffer.from(JSON.stringify({ refreshToken: 'x'.repeat(40) })) },
  { method: 'POST', url: '/api/customers', body: Buffer.from(JSON.stringify({ name: 'Fuzz Customer', numbers: ['+15550001111'], language: 'en' })) },
  { method: 'POST', url: '/api/pause-reasons', body: Buffer.from(JSON.stringify({ code: 'fuzz', label: 'Fuzz', paid: true, maxSeconds: 60 })) },
  { method: 'POST', url: '/api/users', body: Buffer.from(JSON.stringify({ username: 'fuzz', displayName: 'Fuzz', role: 'agent', password: 'a-long-password' })) },
];

async function fuzzRest(url: string, token: string, count: number, random: () => number, deadline: number): Promise<{ sent: number; status5xx: number; failed: number }> {
  let sent = 0;
  let status5xx = 0;
  let failed = 0;
  const worker = async () => {
    while (sent < count && Date.now() < deadline) {
      sent++;
      const base = REST_BASES[Math.floor(random() * REST_BASES.length)]!;
      try {
        const res = await fetch(`${url}${base.url}`, {
          method: base.method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: new Uint8Array(mutate(base.body, random)),
        });
        await res.arrayBuffer();
        if (res.status >= 500) status5xx++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { sent, status5xx, failed };
}

/**
 * Mutated input everywhere a byte can come from outside: 1M AMI frames into the codec and
 * 1M through a real AmiClient over TCP, 1M WebSocket frames and 100k REST bodies into a
 * running server (short: 20k, 20k, 2k, 500). The WebSocket and REST parts are bounded to
 * 4 minutes each: the frames and bodies actually sent are in `extra`. Crashes are unexpected exceptions in the
 * process, exceptions out of the codec, and 5xx answers; the server must still answer after.
 */
export const fuzz: ChaosScenario = {
  name: 'fuzz',
  async run({ short, log }) {
    const n = short ? { codec: 20_000, client: 20_000, ws: 2_000, rest: 500, boundMs: 120_000 } : { codec: 1_000_000, client: 1_000_000, ws: 1_000_000, rest: 100_000, boundMs: 240_000 };
    const random = rng(20_261_206);
    const frames = amiFrames();
    const results: ChaosResult[] = [];
    const common = () => ({ load_avg: loadAverage() });

    const codec = await countingCrashes(async () => fuzzCodec(frames, n.codec, random));
    log(`fuzz: codec ${n.codec} frames, ${codec.result.messages} messages`);
    results.push({
      bench: 'chaos.fuzz',
      metric: 'ami_codec_crashes',
      value: codec.crashes + codec.result.thrown,
      target: '== 0',
      pass: codec.crashes + codec.result.thrown === 0,
      extra: { frames: n.codec, messages: codec.result.messages, ...common() },
    });

    const client = await countingCrashes(() => fuzzClient(frames, n.client, random));
    log(`fuzz: client ${client.result.sent} frames, ${client.result.events} events, ${client.result.reconnects} connections`);
    results.push({
      bench: 'chaos.fuzz',
      metric: 'ami_client_crashes',
      value: client.crashes,
      target: '== 0',
      pass: client.crashes === 0,
      extra: { frames: client.result.sent, events: client.result.events, connections: client.result.reconnects, ...common() },
    });

    const server = await startChaosServer();
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const ws = await countingCrashes(() => fuzzWebSocket(server.url, accessToken, n.ws, random, Date.now() + n.boundMs));
      log(`fuzz: websocket ${ws.result.sent} frames over ${ws.result.closes} connections`);
      const rest = await countingCrashes(() => fuzzRest(server.url, accessToken, n.rest, random, Date.now() + n.boundMs));
      log(`fuzz: rest ${rest.result.sent} bodies, ${rest.result.status5xx} 5xx`);
      const alive = (await fetch(`${server.url}/api/health`)).status === 200;
      global.gc?.();
      const mem = process.memoryUsage();
      results.push(
        {
          bench: 'chaos.fuzz',
          metric: 'websocket_crashes',
          value: ws.crashes + (alive ? 0 : 1),
          target: '== 0',
          pass: ws.crashes === 0 && alive,
          extra: { frames: ws.result.sent, connections: ws.result.closes, ...common() },
        },
        {
          bench: 'chaos.fuzz',
          metric: 'rest_crashes',
          value: rest.crashes + rest.result.status5xx,
          target: '== 0',
          pass: rest.crashes + rest.result.status5xx === 0 && alive,
          extra: { bodies: rest.result.sent, status_5xx: rest.result.status5xx, transport_errors: rest.result.failed, ...common() },
        },
        { bench: 'chaos.fuzz', metric: 'memory_after_rss', value: mb(mem.rss), unit: 'MiB', extra: { heap_used_mib: mb(mem.heapUsed), ...common() } },
      );
    } finally {
      await server.close();
    }
    return results;
  },
};
