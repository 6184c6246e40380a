import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildCommand } from './server-child.ts';

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ChildServer {
  readonly pid: number;
  call<T>(command: Without<ChildCommand, 'id'>): Promise<T>;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Starts the CTI server in its own process (see server-child.ts) and waits until it listens. */
export async function startChildServer(config: Record<string, unknown>, timeoutMs = 60_000): Promise<ChildServer> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(config)], { execArgv: ['--conditions=amiable-source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server process did not start')), timeoutMs);
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code}`)));
    child.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (m.ready) {
        clearTimeout(timer);
        resolve();
        return;
      }
      const p = pending.get(m.id!);
      if (!p) return;
      pending.delete(m.id!);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
  });
  return {
    pid: child.pid!,
    call<T>(command: Without<ChildCommand, 'id'>) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...command, id });
      });
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
