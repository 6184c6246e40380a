import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A reply from a pool process: `{ type: 'error', message }` fails the request. */
export interface PoolReply {
  type: string;
}

/**
 * Benchmark clients spread over several Node processes, so that neither the server's
 * process nor a single client process pays for all of them. Each process runs `module`
 * (a file that answers IPC commands, one reply per command, in order). Reusable by any
 * fan-out benchmark: the commands are whatever the module understands.
 */
export interface ProcessPool<C, R extends PoolReply> {
  readonly size: number;
  /** Sends a command to one process and waits for its reply. */
  ask(index: number, command: C): Promise<R>;
  /** Sends the same command (or one per process) to every process and waits for all replies. */
  all(command: C | ((index: number) => C)): Promise<R[]>;
  stop(): Promise<void>;
}

export function startProcessPool<C, R extends PoolReply>(module: string, size: number): ProcessPool<C, R> {
  const children: ChildProcess[] = [];
  const exits: Array<Promise<void>> = [];
  for (let i = 0; i < size; i++) {
    const child = fork(module, [String(i)], { execArgv: ['--import', TSX_LOADER, '--conditions=amiable-source'], stdio: ['ignore', 2, 2, 'ipc'] });
    children.push(child);
    exits.push(new Promise<void>((done) => child.once('exit', () => done())));
  }
  const ask = (index: number, command: C): Promise<R> => {
    const child = children[index]!;
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new Error(`client process ${index} exited`));
      child.once('exit', onExit);
      child.once('message', (raw) => {
        child.off('exit', onExit);
        const reply = raw as R & { message?: string };
        if (reply.type === 'error') reject(new Error(`client process ${index}: ${reply.message}`));
        else resolve(reply);
      });
      child.send(command as object);
    });
  };
  return {
    size,
    ask,
    all: (command) => Promise.all(children.map((_, i) => ask(i, typeof command === 'function' ? (command as (i: number) => C)(i) : command))),
    async stop() {
      for (const child of children) if (child.connected) child.kill();
      await Promise.all(exits);
    },
  };
}

/** Splits `total` into `parts` near-equal counts. */
export function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}
