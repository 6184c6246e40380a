/**
 * One process of AMI benchmark clients (see ami-clients.ts): raw AMI sessions that log in
 * with `Events: on` and check every event they receive against the expected sequence.
 */
import { connect, type Socket } from 'node:net';
import { AmiParser } from '@amiable/ami';
import type { AmiClientsCommand, AmiClientsReply } from './ami-clients.ts';

interface Client {
  socket: Socket;
  received: number;
  closed: boolean;
  mismatch: boolean;
}

const clients: Client[] = [];
let run: { startedAt: number; intervalMs: number; expected: number[]; names: string[] } | undefined;
let histogram = new Map<number, number>();
let cpuMark = process.cpuUsage();
let maxLag = 0;

function reply(r: AmiClientsReply): void {
  process.send?.(r);
}

function open(host: string, port: number, username: string, secret: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const client: Client = { socket, received: 0, closed: false, mismatch: false };
    clients.push(client);
    let loggedIn = false;
    const parser = new AmiParser(
      {
        message: (m) => {
          if (!loggedIn) {
            if (m.kind !== 'response') return;
            loggedIn = true;
            if (m.response === 'Success') resolve();
            else reject(new Error(`AMI login refused: ${m.get('Message')}`));
            return;
          }
          if (m.kind !== 'event' || run === undefined) return;
          const k = client.received++;
          const idx = run.expected[k];
          if (idx === undefined || run.names[k] !== m.event) {
            client.mismatch = true;
            return;
          }
          const lag = Date.now() - (run.startedAt + idx * run.intervalMs);
          const ms = Math.max(0, Math.floor(lag));
          if (ms > maxLag) maxLag = ms;
          histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
        },
      },
      { expectBanner: true },
    );
    socket.on('data', (chunk: Buffer) => parser.push(chunk));
    socket.on('error', (err) => {
      if (!loggedIn) reject(err);
    });
    socket.on('close', () => {
      client.closed = true;
      if (!loggedIn) reject(new Error('closed before login'));
    });
    socket.once('connect', () => socket.write(`Action: Login\r\nUsername: ${username}\r\nSecret: ${secret}\r\nEvents: on\r\n\r\n`));
  });
}

process.on('message', (raw) => {
  const cmd = raw as AmiClientsCommand;
  const go = async (): Promise<void> => {
    switch (cmd.type) {
      case 'open': {
        const started = Date.now();
        for (let i = 0; i < cmd.count; i += cmd.batch) {
          const n = Math.min(cmd.batch, cmd.count - i);
          await Promise.all(Array.from({ length: n }, () => open(cmd.host, cmd.port, cmd.username, cmd.secret)));
        }
        reply({ type: 'opened', clients: clients.length, ms: Date.now() - started });
        return;
      }
      case 'run':
        run = { startedAt: cmd.startedAt, intervalMs: cmd.intervalMs, expected: cmd.expected, names: cmd.names };
        for (const c of clients) {
          c.received = 0;
          c.mismatch = false;
        }
        histogram = new Map();
        maxLag = 0;
        cpuMark = process.cpuUsage();
        reply({ type: 'running' });
        return;
      case 'collect': {
        const want = run?.expected.length ?? 0;
        const cpu = process.cpuUsage(cpuMark);
        let complete = 0;
        let closed = 0;
        let silentlyShort = 0;
        let mismatched = 0;
        let events = 0;
        for (const c of clients) {
          events += c.received;
          if (c.mismatch) mismatched++;
          if (c.received === want && !c.mismatch) complete++;
          else if (c.closed) closed++;
          else silentlyShort++;
        }
        reply({
          type: 'stats',
          clients: clients.length,
          complete,
          closed,
          silentlyShort,
          mismatched,
          events,
          histogram: [...histogram.entries()],
          maxLagMs: maxLag,
          cpuMs: (cpu.user + cpu.system) / 1000,
        });
        return;
      }
      case 'close':
        for (const c of clients.splice(0)) c.socket.destroy();
        run = undefined;
        reply({ type: 'closed' });
        return;
    }
  };
  go().catch((err: unknown) => process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
