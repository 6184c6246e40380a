import type { SimulatedPbx } from '@amiable/pbx-sim';
import { expect } from 'vitest';
import type { TestServer } from '../support/test-server.ts';

/** One AMI action as the simulated PBX received it: ordered header pairs. */
export type SentAction = Array<[string, string]>;

/** The user id of a seeded demo account. */
export async function userId(server: TestServer, username: string): Promise<string> {
  const user = await server.repos.users.getByUsername(username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.id;
}

/** Every action the CTI server's AMI sessions sent, parsed from the exact bytes the PBX received. */
export function sentActions(sim: SimulatedPbx, from = 0): SentAction[] {
  const out: SentAction[] = [];
  for (const session of sim.sessions()) {
    const text = session.receivedBytes().toString('utf8');
    for (const block of text.split('\r\n\r\n')) {
      if (block.trim() === '') continue;
      const pairs = block.split('\r\n').map((line): [string, string] => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon), line.slice(colon + 1).trimStart()];
      });
      out.push(pairs);
    }
  }
  return out.slice(from);
}

/** The value of header `key` (case-insensitive, first wins). */
export function header(action: SentAction, key: string): string | undefined {
  return action.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
}

/** The sent actions named `name`. */
export function actionsNamed(actions: SentAction[], name: string): SentAction[] {
  return actions.filter((a) => header(a, 'Action')?.toLowerCase() === name.toLowerCase());
}

/** The simulated PBX's members on `iface`, as `queue:penalty:paused:reason`, sorted. */
export function membersOf(sim: SimulatedPbx, iface: string): string[] {
  return sim
    .snapshot()
    .members.filter((m) => m.interface === iface)
    .map((m) => `${m.queue}:${m.penalty}:${m.paused ? 'paused' : 'ready'}:${m.pausedReason}`)
    .sort();
}

/** Poll until `check` returns a value other than undefined/false (real time: the PBX runs on a real clock). */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) {
      expect.fail(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
