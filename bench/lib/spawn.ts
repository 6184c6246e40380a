import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildMessage } from './child.ts';
import type { BenchResult } from './result.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export type ModuleOutcome =
  | { ok: true; name: string; results: BenchResult[]; ms: number }
  | { ok: false; name: string; error: string; ms: number };

export interface SpawnOptions {
  file: string;
  quick: boolean;
  timeoutMs: number;
}

/**
 * Runs one bench module in a fresh Node process (tsx loader, `--expose-gc`),
 * so that heap and RSS figures are not polluted by earlier modules. The
 * child's stdout and stderr both go to our stderr: stdout carries results only.
 */
export function runInChild(opts: SpawnOptions): Promise<ModuleOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const child = fork(CHILD, [opts.file, ...(opts.quick ? ['--quick'] : [])], {
      execArgv: ['--import', TSX_LOADER, '--conditions=amiable-source', '--expose-gc'],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let message: ChildMessage | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);

    child.on('message', (m) => {
      message = m as ChildMessage;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, name: opts.file, error: `could not start: ${err.message}`, ms: elapsed() });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = elapsed();
      if (message?.type === 'results' && code === 0) {
        resolve({ ok: true, name: message.name, results: message.results, ms });
      } else if (message?.type === 'error') {
        resolve({ ok: false, name: message.name, error: message.message, ms });
      } else if (timedOut) {
        resolve({ ok: false, name: opts.file, error: `timed out after ${opts.timeoutMs / 1000} s`, ms });
      } else {
        const how = signal === null ? `code ${code}` : `signal ${signal}`;
        resolve({ ok: false, name: opts.file, error: `child exited with ${how} without results`, ms });
      }
    });
  });
}
