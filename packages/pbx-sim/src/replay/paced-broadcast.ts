import { type Server, type Socket, createServer } from 'node:net';
import { AmiParser, encodeMessage } from '@amiable/ami';
import { epochMicros } from '../util/format.ts';
import { loadTranscript } from './transcript.ts';

export interface PacedBroadcastOptions {
  /** A trace folder (test/fixtures/ami-traces/<scenario>) or a received.ami file. */
  transcript: string;
  session?: string;
  port?: number;
  host?: string;
}

/** One event of the stream: its name and whether it carries an ActionID (it answers someone's action). */
export interface BroadcastEvent {
  name: string;
  hasActionId: boolean;
}

export interface PacedRun {
  /** Epoch ms at which event 0 was due; event i is due at `startedAt + i * 1000 / eventsPerSecond`. */
  startedAt: number;
  /** Resolves once every event was written to every session. */
  done: Promise<void>;
}

export interface PacedBroadcast {
  readonly port: number;
  readonly host: string;
  /** Logged-in sessions. */
  readonly sessions: number;
  /** The recorded events in order (one copy of the transcript); a run repeats them. */
  readonly events: readonly BroadcastEvent[];
  /**
   * Sends `count` events (the recording repeated) at `eventsPerSecond` to every
   * logged-in session at once: the same bytes, on the same schedule, to all.
   * `at` (epoch ms) schedules the first event in the future; default now.
   */
  start(options: { eventsPerSecond: number; count: number; tickMs?: number; at?: number }): PacedRun;
  close(): Promise<void>;
}

const END = Buffer.from('\r\n\r\n');

/** The snapshot lists a CTI server asks for after login: the list's opening message and its closing event. */
const EMPTY_LISTS = new Map<string, [string, string]>([
  ['coreshowchannels', ['Channels will follow', 'CoreShowChannelsComplete']],
  ['queuestatus', ['Queue status will follow', 'QueueStatusComplete']],
  ['queuesummary', ['Queue summary will follow', 'QueueSummaryComplete']],
  ['devicestatelist', ['Device State Changes will follow', 'DeviceStateListComplete']],
  ['extensionstatelist', ['Extension Statuses will follow', 'ExtensionStateListComplete']],
  ['bridgelist', ['Bridge listing will follow', 'BridgeListComplete']],
  ['status', ['Channel status will follow', 'StatusComplete']],
]);

/**
 * A stand-in Asterisk for fan-out measurements: every logged-in AMI session gets
 * the recorded events of a transcript, replayed at a fixed event rate on one
 * shared schedule, so that a proxy with N clients and N direct sessions see the
 * same bytes at the same times. Login (any credentials) and Ping are answered, the
 * snapshot lists come back empty (the replay starts from nothing); other actions get
 * `Response: Error`.
 */
export async function startPacedBroadcast(opts: PacedBroadcastOptions): Promise<PacedBroadcast> {
  const t = loadTranscript(opts.transcript, opts.session ?? 'main');
  const slices: Buffer[] = [];
  const events: BroadcastEvent[] = [];
  for (let start = 0; ; ) {
    const end = t.body.indexOf(END, start);
    if (end === -1) break;
    const msg = t.body.subarray(start, end + 4);
    start = end + 4;
    const head = msg.toString('latin1', 0, 6);
    if (head !== 'Event:') continue;
    slices.push(msg);
    const text = msg.toString('latin1');
    events.push({ name: /^Event: ([^\r]*)/.exec(text)?.[1] ?? '', hasActionId: /\r\nActionID:/i.test(text) });
  }
  const live = new Set<Socket>();
  const all = new Set<Socket>();
  const server: Server = createServer((socket) => {
    all.add(socket);
    socket.setNoDelay(true);
    const send = (pairs: Array<[string, string]>) => socket.write(encodeMessage(pairs));
    const parser = new AmiParser({
      message: (msg) => {
        const action = msg.get('Action')?.toLowerCase();
        const id = msg.get('ActionID');
        const head: Array<[string, string]> = [['Response', 'Success']];
        if (id !== undefined) head.push(['ActionID', id]);
        if (action === 'login') {
          send([...head, ['Message', 'Authentication accepted']]);
          live.add(socket);
        } else if (action === 'ping') send([...head, ['Ping', 'Pong'], ['Timestamp', epochMicros(Date.now())]]);
        else if (action === 'logoff') socket.end(encodeMessage([['Response', 'Goodbye'], ...(id ? ([['ActionID', id]] as Array<[string, string]>) : [])]));
        else if (action !== undefined && EMPTY_LISTS.has(action)) {
          // An empty snapshot, worded as Asterisk 22 words it (reconnect-resync): the replay starts from nothing.
          const [message, complete] = EMPTY_LISTS.get(action)!;
          const ref: Array<[string, string]> = id !== undefined ? [['ActionID', id]] : [];
          send([...head, ['EventList', 'start'], ['Message', message]]);
          send([['Event', complete], ...ref, ['EventList', 'Complete'], ['ListItems', '0']]);
        } else send([['Response', 'Error'], ...(id ? ([['ActionID', id]] as Array<[string, string]>) : []), ['Message', 'Permission denied']]);
      },
    });
    socket.on('data', (chunk: Buffer) => parser.push(chunk));
    const gone = () => {
      live.delete(socket);
      all.delete(socket);
    };
    socket.on('close', gone);
    socket.on('error', gone);
    socket.write(`${t.banner}\r\n`);
  });
  const host = opts.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
  let timer: ReturnType<typeof setInterval> | undefined;

  return {
    port,
    host,
    events,
    get sessions() {
      return live.size;
    },
    start({ eventsPerSecond, count, tickMs = 5, at }) {
      const stream = Buffer.concat(Array.from({ length: Math.ceil(count / slices.length) }, () => slices).flat().slice(0, count));
      const offsets = new Array<number>(count + 1);
      offsets[0] = 0;
      for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + slices[i % slices.length]!.length;
      const startedAt = at ?? Date.now();
      let sent = 0;
      const done = new Promise<void>((resolve) => {
        const tick = () => {
          const elapsed = Date.now() - startedAt;
          if (elapsed < 0) return;
          const due = Math.min(count, Math.floor((elapsed * eventsPerSecond) / 1000) + 1);
          if (due > sent) {
            const bytes = stream.subarray(offsets[sent]!, offsets[due]!);
            for (const s of live) s.write(bytes);
            sent = due;
          }
          if (sent === count) {
            clearInterval(timer);
            timer = undefined;
            resolve();
          }
        };
        timer = setInterval(tick, tickMs);
        tick();
      });
      return { startedAt, done };
    },
    close: () =>
      new Promise((resolve) => {
        if (timer) clearInterval(timer);
        for (const s of all) s.destroy();
        server.close(() => resolve());
      }),
  };
}
