import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHILD = fileURLToPath(new URL('./ws-fanout-child.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export type FanoutCommand =
  | { type: 'ws'; url: string; tokens: string[] }
  | { type: 'ami'; host: string; port: number; username: string; secret: string; extensions: string[] }
  | { type: 'mark' }
  | { type: 'collect' }
  | { type: 'close' };

export type FanoutReply =
  | { type: 'ready'; connected: number; rssBytes: number }
  | { type: 'stats'; events: number; latencies: number[]; ownNewchannels: Array<[string, number]>; cpuMs: number; rssBytes: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** The fan-out clients in a separate Node process, one request and one reply at a time. */
export interface FanoutClients {
  request<T extends FanoutReply['type']>(cmd: FanoutCommand, expect: T): Promise<Extract<FanoutReply, { type: T }>>;
  stop(): Promise<void>;
}

export function startFanoutClients(): FanoutClients {
  const child: ChildProcess = fork(CHILD, [], { execArgv: ['--import', TSX_LOADER, '--conditions=amiable-source'], stdio: ['ignore', 2, 2, 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    request(cmd, expect) {
      return new Promise((resolve, reject) => {
        const onExit = () => reject(new Error('the client process exited'));
        child.once('exit', onExit);
        child.once('message', (raw) => {
          child.off('exit', onExit);
          const r = raw as FanoutReply;
          if (r.type === 'error') reject(new Error(`client process: ${r.message}`));
          else if (r.type !== expect) reject(new Error(`client process answered ${r.type}, expected ${expect}`));
          else resolve(r as never);
        });
        child.send(cmd);
      });
    },
    async stop() {
      child.kill();
      await exited;
    },
  };
}
