import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReplayChildFailed, ReplayChildReady } from './replay-child.ts';
import type { TraceReplay } from './sim-replay.ts';

const CHILD = fileURLToPath(new URL('./replay-child.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * startTraceReplay() in a separate Node process: the simulated PBX sends from
 * its own process, as Asterisk would. close() disconnects and waits for it
 * to exit.
 */
export function startTraceReplayProcess(scenario: string, minEvents: number): Promise<TraceReplay> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [scenario, String(minEvents)], {
      execArgv: ['--import', TSX_LOADER, '--conditions=amiable-source'],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onExit = (code: number | null) => reject(new Error(`the replay process exited early (code ${code})`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (raw) => {
      const message = raw as ReplayChildReady | ReplayChildFailed;
      child.off('exit', onExit);
      if (message.type === 'error') {
        reject(new Error(`the replay process failed: ${message.message}`));
        return;
      }
      const { host, port, events, nameChars, bytes, copies } = message;
      resolve({
        host,
        port,
        events,
        nameChars,
        bytes,
        copies,
        close: async () => {
          if (child.connected) child.disconnect();
          await exited;
        },
      });
    });
  });
}
