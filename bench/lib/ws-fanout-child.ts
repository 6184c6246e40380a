/**
 * Client side of the fan-out bench, in its own process so its CPU is not counted as the
 * server's. Either N WebSocket clients of the CTI server, or (baseline) N AMI clients each
 * logged in to the simulated PBX. Driven over IPC by bench/lib/ws-fanout-process.ts.
 */
import { connect, type Socket } from 'node:net';
import { AmiParser } from '@amiable/ami';
import WebSocket from 'ws';
import type { FanoutCommand, FanoutReply } from './ws-fanout-process.ts';

const sockets: Array<WebSocket | Socket> = [];
let latencies: number[] = [];
let ownNewchannels: Array<[string, number]> = [];
let events = 0;
let cpuMark = process.cpuUsage();

function reply(r: FanoutReply): void {
  process.send?.(r);
}

async function openWs(url: string, tokens: string[]): Promise<void> {
  const batch = 50;
  for (let i = 0; i < tokens.length; i += batch) {
    await Promise.all(
      tokens.slice(i, i + batch).map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(url);
            sockets.push(ws);
            ws.once('error', reject);
            ws.once('close', (code, reason) => reject(new Error(`closed before welcome: ${code} ${String(reason)}`)));
            ws.once('open', () => ws.send(JSON.stringify({ op: 'hello', v: 1, token })));
            ws.on('message', (data) => {
              const now = Date.now();
              const frame = JSON.parse(data.toString()) as { op: string; at?: string };
              if (frame.op === 'welcome') resolve();
              else if (frame.op === 'event' && frame.at) {
                events++;
                latencies.push(now - Date.parse(frame.at));
              }
            });
          }),
      ),
    );
  }
}

async function openAmi(host: string, port: number, username: string, secret: string, extensions: string[]): Promise<void> {
  const batch = 50;
  for (let i = 0; i < extensions.length; i += batch) {
    await Promise.all(
      extensions.slice(i, i + batch).map(
        (ext) =>
          new Promise<void>((resolve, reject) => {
            const prefix = `PJSIP/${ext}-`;
            const socket = connect({ host, port });
            sockets.push(socket);
            const parser = new AmiParser(
              {
                message: (m) => {
                  if (m.kind === 'response') {
                    if (m.response === 'Success') resolve();
                    else reject(new Error(`AMI login refused: ${m.get('Message')}`));
                    return;
                  }
                  events++;
                  // The application's own filtering: its extension's new channels.
                  if (m.event === 'Newchannel' && m.get('Channel')?.startsWith(prefix)) ownNewchannels.push([m.get('Uniqueid') ?? '', Date.now()]);
                },
              },
              { expectBanner: true },
            );
            socket.on('data', (chunk: Buffer) => parser.push(chunk));
            socket.once('error', reject);
            socket.once('connect', () => socket.write(`Action: Login\r\nUsername: ${username}\r\nSecret: ${secret}\r\nEvents: on\r\n\r\n`));
          }),
      ),
    );
  }
}

process.on('message', (raw) => {
  const cmd = raw as FanoutCommand;
  const run = async (): Promise<void> => {
    if (cmd.type === 'ws') await openWs(cmd.url, cmd.tokens);
    if (cmd.type === 'ami') await openAmi(cmd.host, cmd.port, cmd.username, cmd.secret, cmd.extensions);
    if (cmd.type === 'ws' || cmd.type === 'ami' || cmd.type === 'mark') {
      latencies = [];
      ownNewchannels = [];
      events = 0;
      cpuMark = process.cpuUsage();
      reply({ type: 'ready', connected: sockets.length, rssBytes: process.memoryUsage().rss });
      return;
    }
    if (cmd.type === 'collect') {
      const cpu = process.cpuUsage(cpuMark);
      reply({ type: 'stats', events, latencies, ownNewchannels, cpuMs: (cpu.user + cpu.system) / 1000, rssBytes: process.memoryUsage().rss });
      return;
    }
    if (cmd.type === 'close') {
      for (const s of sockets.splice(0)) s instanceof WebSocket ? s.terminate() : s.destroy();
      reply({ type: 'closed' });
    }
  };
  run().catch((err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
