import type { AmiClient, AmiClientState, AmiStatusChange } from '../../src/index.ts';

/** Resolve when the client reaches `state` (now or later); reject after `ms`. */
export function waitForState(client: AmiClient, state: AmiClientState, ms = 5_000): Promise<AmiStatusChange | undefined> {
  if (client.state === state) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`state ${state} not reached within ${ms} ms (now ${client.state})`));
    }, ms);
    const off = client.onStatus((change) => {
      if (change.to !== state) return;
      clearTimeout(timer);
      off();
      resolve(change);
    });
  });
}

/** Poll `predicate` every few ms until true; reject after `ms`. */
export async function until(predicate: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Record every status change of a client. */
export function recordStatuses(client: AmiClient): AmiStatusChange[] {
  const changes: AmiStatusChange[] = [];
  client.onStatus((c) => changes.push(c));
  return changes;
}
