import type { RunOutcome } from './compare.ts';
import type { TcpTarget } from './drivers/asterisk-manager.ts';
import { type AmiReader, type LiveTally, newTally } from './drivers/reader.ts';

export type TcpReaderFactory = (target: TcpTarget, tally: LiveTally) => AmiReader | Promise<AmiReader>;

/**
 * Connects one fresh client to `target` and times from the start of the
 * connection (TCP connect, banner, login) until the application has received
 * `expectedEvents` events. Fails if the stream stalls for `stallMs`.
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
  const started = performance.now();
  try {
    const reader = await factory(target, tally);
    try {
      await done;
    } finally {
      await reader.close();
    }
  } finally {
    clearInterval(watchdog);
  }
  return { ms: finishedAt - started, tally: { events: tally.events, nameChars: tally.nameChars } };
}
