import { type Server, type Socket, createServer } from 'node:net';
import { AmiParser, encodeMessage } from '@amiable/ami';
import { epochMicros } from '../util/format.ts';
import { type Transcript, loadTranscript } from './transcript.ts';

export interface ReplayOptions {
  /** A trace folder (test/fixtures/ami-traces/<scenario>) or a received.ami file. */
  transcript: string;
  /** Which recorded session of the folder (`main`, or a prefix such as `resync`). Default `main`. */
  session?: string;
  port?: number;
  host?: string;
  /** `recorded`: original pacing from timeline.jsonl; `fast`: as fast as possible. Default `recorded`. */
  pacing?: 'recorded' | 'fast';
  /** Pacing speed-up factor (2 = twice as fast). Default 1. */
  speed?: number;
  /** Accepted credentials; default: any username/secret. */
  users?: Array<{ username: string; secret: string }>;
}

export interface ReplayServer {
  readonly port: number;
  readonly host: string;
  /** Bytes each connection sent, in connection order. */
  readonly received: Buffer[][];
  close(): Promise<void>;
}

/**
 * Serve a recorded transcript to any client: the recorded banner, an answer
 * to the client's own Login (with its ActionID), then every recorded byte
 * after the recorded login response, paced as recorded or as fast as possible.
 * Ping and Logoff are answered; other actions get an error.
 */
export async function startReplayServer(opts: ReplayOptions): Promise<ReplayServer> {
  const transcript = loadTranscript(opts.transcript, opts.session ?? 'main');
  const received: Buffer[][] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const log: Buffer[] = [];
    received.push(log);
    serve(socket, transcript, opts, log, () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
  return {
    port,
    host: opts.host ?? '127.0.0.1',
    received,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(socket: Socket, t: Transcript, opts: ReplayOptions, log: Buffer[], done: () => void): void {
  const timers: NodeJS.Timeout[] = [];
  let loggedIn = false;
  const send = (pairs: Array<[string, string]>) => socket.write(encodeMessage(pairs));
  const reply = (actionId: string | undefined, response: string, rest: Array<[string, string]>) =>
    send([['Response', response], ...(actionId === undefined ? [] : ([['ActionID', actionId]] as Array<[string, string]>)), ...rest]);
  const parser = new AmiParser({
    message: (msg) => {
      const action = msg.get('Action')?.toLowerCase();
      const id = msg.get('ActionID');
      if (!loggedIn) {
        if (action !== 'login') return reply(id, 'Error', [['Message', 'Permission denied']]);
        const ok = !opts.users || opts.users.some((u) => u.username === msg.get('Username') && u.secret === msg.get('Secret'));
        if (!ok) {
          reply(id, 'Error', [['Message', 'Authentication failed']]);
          socket.end();
          return;
        }
        loggedIn = true;
        reply(id, 'Success', [['Message', 'Authentication accepted']]);
        stream();
        return;
      }
      if (action === 'ping') reply(id, 'Success', [['Ping', 'Pong'], ['Timestamp', epochMicros(Date.now())]]);
      else if (action === 'logoff') {
        reply(id, 'Goodbye', [['Message', 'Thanks for all the fish.']]);
        socket.end();
      } else reply(id, 'Error', [['Message', 'Permission denied']]);
    },
  });
  const stream = () => {
    if (opts.pacing === 'fast') {
      socket.write(t.body);
      return;
    }
    const speed = opts.speed ?? 1;
    for (const c of t.chunks) {
      const timer = setTimeout(() => socket.write(c.bytes), c.atMs / speed);
      timers.push(timer);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    log.push(chunk);
    parser.push(chunk);
  });
  const stop = () => {
    for (const timer of timers) clearTimeout(timer);
    done();
  };
  socket.on('close', stop);
  socket.on('error', stop);
  socket.write(`${t.banner}\r\n`);
}
