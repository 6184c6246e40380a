/**
 * Child-process entry that runs the simulated PBX's trace replay, so that the
 * sending side has its own process (and CPU) like a real Asterisk, and the
 * client's process measures only the client. Started by replay-process.ts as
 * `node --import tsx replay-child.ts <scenario> <minEvents>`; reports its
 * address over IPC and stops when the parent disconnects.
 */
import { startTraceReplay } from './sim-replay.ts';

export interface ReplayChildReady {
  type: 'ready';
  host: string;
  port: number;
  events: number;
  nameChars: number;
  bytes: number;
  copies: number;
}

export interface ReplayChildFailed {
  type: 'error';
  message: string;
}

async function main(): Promise<void> {
  const scenario = process.argv[2] ?? 'busy-center';
  const minEvents = Number(process.argv[3] ?? 200_000);
  try {
    const replay = await startTraceReplay(scenario, minEvents);
    const { host, port, events, nameChars, bytes, copies } = replay;
    const ready: ReplayChildReady = { type: 'ready', host, port, events, nameChars, bytes, copies };
    process.send?.(ready);
    process.on('disconnect', () => {
      replay.close().finally(() => process.exit(0));
    });
  } catch (err) {
    const failed: ReplayChildFailed = { type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    process.send?.(failed, undefined, {}, () => process.exit(1));
  }
}

void main();
