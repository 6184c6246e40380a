import type { SimulatedPbx } from '@amiable/pbx-sim';
import type { CtiServer } from '../../packages/server/src/app/create-server.ts';
import { DEMO_AGENTS } from '../../packages/server/src/demo/demo-data.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Every dynamic member of the agents' extensions as `iface queue penalty paused reason`, sorted. */
export function agentMembers(sim: SimulatedPbx): string[] {
  const ifaces = new Set(DEMO_AGENTS.map((a) => `PJSIP/${a.extension}`));
  return sim
    .snapshot()
    .members.filter((m) => ifaces.has(m.interface))
    .map((m) => `${m.interface} ${m.queue} ${m.penalty} ${m.paused ? 'paused' : 'ready'} ${m.paused ? m.pausedReason : ''}`)
    .sort();
}

/**
 * Signs every demo agent in and leaves them in a mix of states: two paused (lunch, break),
 * one who left a queue, one or two in wrap-up after a short queue call (manual wrap-up).
 */
export async function busyFloor(server: CtiServer): Promise<Record<string, string>> {
  const sim = server.demo!.sim;
  const ids: Record<string, string> = {};
  for (const a of DEMO_AGENTS) {
    const user = await server.repos.users.getByUsername(a.username);
    if (!user) throw new Error(`no demo user ${a.username}`);
    ids[a.username] = user.id;
    await server.agents.signIn(user.id, {});
  }
  await server.agents.pause(ids.bilal!, 'lunch');
  await server.agents.pause(ids.farid!, 'break');
  await server.agents.leaveQueue(ids.david!, 'support');
  for (const e of ['1001', '1002', '1004', '1005', '1006']) sim.setPhone(e, { mode: 'noanswer' });
  sim.setPhone('1003', { mode: 'answer', answerAfterMs: 50 });
  sim.placeCall({ queue: 'lang-fr', callerNumber: '+33612345678', callerName: 'Pierre Martin', talkMs: 100 });
  await until('chloe in wrap-up', () => server.agents.get(ids.chloe!)?.state === 'wrap-up', 15_000);
  return ids;
}
