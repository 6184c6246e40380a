import { createHash, type Hash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type AmiClient, AmiParser, createAmiClient, createTcpTransport } from '@amiable/ami';
import { type PacedBroadcast, startPacedBroadcast } from '@amiable/pbx-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { type AmiPortServer, createAmiPortServer } from '../../src/ami-port/index.ts';
import { serialize } from '../../src/ami-port/wire.ts';

const TRACE = fileURLToPath(new URL('../../../../test/fixtures/ami-traces/busy-center', import.meta.url));
const CLIENTS = 300;
const RATE = 2000;
const SECONDS = 10;
const ADMIN = { userId: 'u-admin', username: 'admin', role: 'admin' as const, extensions: [], queues: [], agents: [] };

interface Client {
  socket: Socket;
  digest: Hash | undefined;
  bytes: number;
  closed: boolean;
}

let source: PacedBroadcast | undefined;
let upstream: AmiClient | undefined;
let port: AmiPortServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  await port?.close();
  await upstream?.close();
  await source?.close();
});

/** Logs in as admin; resolves once the login is answered (and its FullyBooted read). */
function login(portNumber: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: portNumber });
    const client: Client = { socket, digest: undefined, bytes: 0, closed: false };
    const parser = new AmiParser(
      {
        message: (m) => {
          if (m.event === 'FullyBooted') {
            socket.removeListener('data', onLoginData);
            socket.on('data', (chunk: Buffer) => {
              client.bytes += chunk.length;
              client.digest?.update(chunk);
            });
            resolve(client);
          } else if (m.kind === 'response' && m.response !== 'Success') reject(new Error(String(m.get('Message'))));
        },
      },
      { expectBanner: true },
    );
    const onLoginData = (chunk: Buffer) => parser.push(chunk);
    socket.on('data', onLoginData);
    socket.on('error', () => {});
    socket.on('close', () => {
      client.closed = true;
    });
    socket.write('Action: Login\r\nUsername: admin\r\nSecret: pw\r\nEvents: on\r\n\r\n');
  });
}

describe('the AMI port under overload', () => {
  it(`fans the busy-center trace at ${RATE} events/s out to ${CLIENTS} clients for ${SECONDS} s: each gets every event or is disconnected, and the upstream never drops`, async () => {
    source = await startPacedBroadcast({ transcript: TRACE });
    const src = source;
    upstream = createAmiClient({
      username: 'cti',
      secret: 'cti',
      events: 'on',
      transport: () => createTcpTransport({ host: src.host, port: src.port }),
      keepalive: { intervalMs: 500, timeoutMs: 1000 },
      reconnect: false,
    });
    const statuses: string[] = [];
    upstream.onStatus((s) => statuses.push(s.to));
    const up = upstream;
    port = createAmiPortServer({
      credentials: { authenticate: (username, password) => (username === 'admin' && password === 'pw' ? ADMIN : null) },
      upstream: { send: () => Promise.reject(new Error('no actions in this test')) },
      events: { subscribe: (listener) => up.onEvent((msg) => listener('pbx1', msg)) },
      audit: () => {},
      // Every client logs in from this one host, 50 at a time.
      config: { maxUnauthenticated: CLIENTS, maxUnauthenticatedPerIp: CLIENTS, maxConnections: CLIENTS + 10 },
    });
    const { port: portNumber } = await port.listen({ host: '127.0.0.1', port: 0 });
    await up.connect();
    for (let i = 0; i < CLIENTS; i += 50) {
      clients.push(...(await Promise.all(Array.from({ length: Math.min(50, CLIENTS - i) }, () => login(portNumber)))));
    }

    // What every client must receive: the trace's events, repeated, minus those answering an action.
    const count = RATE * SECONDS;
    const expected = createHash('sha256');
    let expectedBytes = 0;
    const parsed: Buffer[] = [];
    const sink = new AmiParser({ message: (m) => m.get('ActionID') === undefined && parsed.push(serialize(m.pairs())) });
    const raw = await import('node:fs').then((fs) => fs.readFileSync(`${TRACE}/received.ami`));
    sink.push(raw.subarray(raw.indexOf('\r\n') + 2));
    const perCopy = src.events.length;
    const deliverable = parsed.filter((b) => b.toString('latin1', 0, 6) === 'Event:');
    let k = 0;
    for (let i = 0; i < count; i++) {
      if (src.events[i % perCopy]!.hasActionId) continue;
      const bytes = deliverable[k++ % deliverable.length]!;
      expected.update(bytes);
      expectedBytes += bytes.length;
    }
    for (const c of clients) c.digest = createHash('sha256');

    const run = src.start({ eventsPerSecond: RATE, count });
    await run.done;
    // Let every client drain (or be cut off); nothing here depends on how long it takes.
    const want = expected.digest('hex');
    for (;;) {
      const pending = clients.filter((c) => !c.closed && c.bytes < expectedBytes);
      if (pending.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    let complete = 0;
    let disconnected = 0;
    for (const c of clients) {
      if (c.bytes === expectedBytes) {
        expect(c.digest!.digest('hex')).toBe(want);
        complete++;
      } else {
        expect(c.closed).toBe(true);
        disconnected++;
      }
    }
    expect(complete + disconnected).toBe(CLIENTS);
    expect(port.stats().droppedSlowClients).toBe(disconnected);
    expect(statuses).not.toContain('reconnecting');
    expect(statuses).not.toContain('closed');
  }, 120_000);
});
