import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AmiReader, EventTally } from './drivers/reader.ts';
import { FakeSocket } from './fake-socket.ts';

export type InProcessReaderFactory = (socket: FakeSocket) => AmiReader | Promise<AmiReader>;

export interface ReplayOutcome {
  /** Wall-clock time from the first chunk to the last delivered event. */
  ms: number;
  /** Process CPU time (user + system, all threads) over the same span. */
  cpuMs: number;
  tally: EventTally;
}

/** Event-loop turns without progress after which a reader is considered done. */
const IDLE_TURNS = 20;

/**
 * Feeds `chunks` to a fresh reader through a fake socket, one chunk per
 * event-loop turn (as a socket delivers them), and times from the first
 * chunk until the reader's last event has reached the application. Libraries
 * that defer dispatch (process.nextTick, stream pipes) are therefore timed in
 * full.
 */
export async function replayInProcess(
  factory: InProcessReaderFactory,
  chunks: readonly Buffer[],
  expectedEvents: number,
): Promise<ReplayOutcome> {
  const socket = new FakeSocket();
  const reader = await factory(socket);
  const tally = reader.tally;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const chunk of chunks) {
    socket.deliver(chunk);
    await nextTurn();
  }
  let idle = 0;
  let last = tally.events;
  while (tally.events < expectedEvents && idle < IDLE_TURNS) {
    await nextTurn();
    if (tally.events === last) idle++;
    else {
      idle = 0;
      last = tally.events;
    }
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await reader.close();
  socket.destroy();
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    tally: { events: tally.events, nameChars: tally.nameChars, headers: tally.headers, headerChars: tally.headerChars },
  };
}
