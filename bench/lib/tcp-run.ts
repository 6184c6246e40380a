import type { RunOutcome } from './compare.ts';
import type { TcpTarget } from './drivers/asterisk-manager.ts';
import { type AmiReader, type LiveTally, newTally } from './drivers/reader.ts';

export type TcpReaderFactory = (target: TcpTarget, tally: LiveTally) => AmiReader | Promise<AmiReader>;

/**
 * Connects one fresh client to `target` and times from the start of the
 * connection (TCP connect, banner, login) until the application has received
 * `expectedEvents` events. Also reports this process's CPU time over the
 * same span (the server should run in another process for that figure to be
 * the client's alone). Fails if the stream stalls for `stallMs`.
 */
export async function runOverTcp(
  factory: TcpReaderFactory,
  target: TcpTarget,
  expectedEvents: number,
  stallMs = 10_000,
): Promise<RunOutcome> {
  const tally = newTally(expectedEvents);
  let finishedAt = 0;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    tally.onReached = () => {
      finishedAt = performance.now();
      resolve();
    };
    let last = -1;
    watchdog = setInterval(() => {
      if (tally.events === last) reject(new Error(`stream stalled after ${tally.events} of ${expectedEvents} events`));
      last = tally.events;
    }, stallMs);
  });
  done.catch(() => {}); // observed below; this only keeps an early failure from going unhandled
  const cpu = process.cpuUsage();
  const started = performance.now();
  let cpuMs = 0;
  try {
    const reader = await factory(target, tally);
    try {
      await done;
      const used = process.cpuUsage(cpu);
      cpuMs = (used.user + used.system) / 1000;
    } finally {
      await reader.close();
    }
  } finally {
    clearInterval(watchdog);
  }
  return { ms: finishedAt - started, cpuMs, tally: { events: tally.events, nameChars: tally.nameChars } };
}
