import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_QUEUES } from '../../src/demo/demo-data.ts';
import { type Frame, TestClient } from '../gateway/helpers/ws-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createScopedUser, eventually, login, sleep, testPasswordHash, userIdOf } from './support/identities.ts';

/**
 * Random supervisors and integrations with random scopes, the demo agents, random call
 * traffic from the simulated PBX: every client must receive exactly the events it may see
 * (nothing more: no leaks; nothing less: the same events as an admin, filtered by scope).
 */

const QUEUES = DEMO_QUEUES.map((q) => q.name);
const AGENTS = DEMO_AGENTS.map((a) => a.username);
const EXTENSIONS = [...DEMO_AGENTS.map((a) => a.extension), '1099'];

interface Reach {
  name: string;
  role: string;
  extensions: Set<string>;
  agents: Set<string>;
  queues: Set<string>;
}

/** The queues each agent (by id) is a member of: supervisors and integrations see their queues' members. */
const memberQueues = new Map<string, string[]>();

/** The oracle: what a client may see, decided from the payload and queue membership. */
function mayView(reach: Reach, frame: Frame): boolean {
  const type = frame.type as string;
  if (type === 'pbx.connection' || type === 'resync') return true;
  const p = frame.payload as Record<string, unknown>;
  const ext = typeof p.extension === 'string' ? p.extension : null;
  const agent = typeof p.agentId === 'string' ? p.agentId : null;
  const queue = typeof p.queue === 'string' ? p.queue : null;
  if (ext !== null && reach.extensions.has(ext)) return true;
  if (agent !== null && reach.agents.has(agent)) return true;
  // A queue's members are reached through the queue for what names no queue (their agent events);
  // a call of another queue stays that queue's.
  if (agent !== null && queue === null && reach.role !== 'agent' && (memberQueues.get(agent) ?? []).some((q) => reach.queues.has(q))) return true;
  // Agents see their queues' statistics; the calls and members of a queue need monitoring rights.
  if (queue !== null && reach.queues.has(queue) && (type === 'queue.stats' || reach.role !== 'agent')) return true;
  return false;
}

/** The frame's scope must be the one its payload implies, or a client filter could be fooled. */
function scopeMatchesPayload(frame: Frame): boolean {
  const scope = frame.scope as Record<string, unknown>;
  const p = frame.payload as Record<string, unknown>;
  for (const [key, field] of [['extension', 'extension'], ['agent', 'agentId'], ['queue', 'queue']] as const) {
    const want = typeof p[field] === 'string' && p[field] !== '' ? p[field] : undefined;
    if (field in p && scope[key] !== want) return false;
    if (!(field in p) && scope[key] !== undefined) return false;
  }
  return true;
}

const signature = (f: Frame) => `${f.type as string}|${JSON.stringify(f.payload)}`;

const scenarioArb = fc.record({
  agentClients: fc.subarray(AGENTS, { minLength: 1 }),
  supervisors: fc.array(
    fc.record({ team: fc.subarray(AGENTS), queues: fc.subarray(QUEUES), extensions: fc.subarray(EXTENSIONS, { maxLength: 2 }) }),
    { minLength: 1, maxLength: 2 },
  ),
  integrations: fc.array(
    fc.record({ agents: fc.subarray(AGENTS, { maxLength: 3 }), queues: fc.subarray(QUEUES, { maxLength: 2 }), extensions: fc.subarray(EXTENSIONS, { maxLength: 3 }) }),
    { minLength: 1, maxLength: 2 },
  ),
  phones: fc.array(
    fc.record({
      extension: fc.constantFrom(...DEMO_AGENTS.map((a) => a.extension)),
      mode: fc.constantFrom('answer', 'noanswer', 'busy', 'reject') as fc.Arbitrary<'answer' | 'noanswer' | 'busy' | 'reject'>,
      answerAfterMs: fc.integer({ min: 100, max: 600 }),
      hangupAfterMs: fc.option(fc.integer({ min: 200, max: 900 }), { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  calls: fc.array(
    fc.record({ queue: fc.constantFrom(...QUEUES), caller: fc.constantFrom('+15551234567', '+33142685300', '+15550001111'), talkMs: fc.integer({ min: 200, max: 1200 }) }),
    { minLength: 1, maxLength: 4 },
  ),
  pause: fc.option(fc.constantFrom(...AGENTS), { nil: undefined }),
});

describe('event scoping on a live server under random scopes and traffic', () => {
  let server: TestServer;
  const agentIds = new Map<string, string>();
  const agentTokens = new Map<string, string>();
  const agentQueues = new Map<string, string[]>();
  let adminToken: string;
  let run = 0;

  beforeAll(async () => {
    server = await startTestServer({
      demo: { callsPerMinute: 0, autoSignIn: true },
      wrapup: { seconds: 0, mode: 'timeout' },
      auth: { loginAttemptsPerMinute: 10_000 },
    });
    // The seeded accounts get the cheap test hash: logging in stays real, only faster.
    const hash = await testPasswordHash();
    for (const username of [...AGENTS, 'admin']) await server.repos.users.update(await userIdOf(server, username), { passwordHash: hash });
    for (const username of AGENTS) {
      const id = await userIdOf(server, username);
      agentIds.set(username, id);
      agentTokens.set(username, (await login(server.url, username)).accessToken);
      agentQueues.set(username, (await server.repos.skills.queuesForAgent(id)).map((q) => q.queue));
      memberQueues.set(id, agentQueues.get(username)!);
    }
    await server.agents.signIn(agentIds.get('alice')!, {});
    adminToken = (await login(server.url, 'admin')).accessToken;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('delivers every client exactly the events within its scope, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        run++;
        const clients: Array<{ reach: Reach; client: TestClient; start: number }> = [];
        const url = `${server.url.replace('http', 'ws')}/api/ws`;
        try {
          for (const username of s.agentClients) {
            const id = agentIds.get(username)!;
            const ext = DEMO_AGENTS.find((a) => a.username === username)!.extension;
            const reach = { name: username, role: 'agent', extensions: new Set([ext]), agents: new Set([id]), queues: new Set(agentQueues.get(username)) };
            clients.push({ reach, client: await TestClient.connect(url, agentTokens.get(username)!), start: 0 });
          }
          for (const [i, sup] of s.supervisors.entries()) {
            const team = await server.repos.teams.create({ name: `team-${run}-${i}` });
            await server.repos.teams.setMembers(team.id, sup.team.map((u) => agentIds.get(u)!));
            const username = `sup-${run}-${i}`;
            await createScopedUser(server, {
              username,
              role: 'supervisor',
              scopes: [
                { kind: 'team', value: team.id },
                ...sup.queues.map((q) => ({ kind: 'queue' as const, value: q })),
                ...sup.extensions.map((e) => ({ kind: 'extension' as const, value: e })),
              ],
            });
            const reach = { name: username, role: 'supervisor', extensions: new Set(sup.extensions), agents: new Set(sup.team.map((u) => agentIds.get(u)!)), queues: new Set(sup.queues) };
            clients.push({ reach, client: await TestClient.connect(url, (await login(server.url, username)).accessToken), start: 0 });
          }
          for (const [i, integ] of s.integrations.entries()) {
            const username = `crm-${run}-${i}`;
            await createScopedUser(server, {
              username,
              role: 'integration',
              scopes: [
                ...integ.agents.map((u) => ({ kind: 'agent' as const, value: agentIds.get(u)! })),
                ...integ.queues.map((q) => ({ kind: 'queue' as const, value: q })),
                ...integ.extensions.map((e) => ({ kind: 'extension' as const, value: e })),
              ],
            });
            const reach = { name: username, role: 'integration', extensions: new Set(integ.extensions), agents: new Set(integ.agents.map((u) => agentIds.get(u)!)), queues: new Set(integ.queues) };
            clients.push({ reach, client: await TestClient.connect(url, (await login(server.url, username)).accessToken), start: 0 });
          }
          const admin = await TestClient.connect(url, adminToken);
          await sleep(300);
          const adminStart = admin.frames.length;
          for (const c of clients) c.start = c.client.frames.length;

          // Traffic.
          const sim = server.demo!.sim;
          for (const p of s.phones) sim.setPhone(p.extension, { mode: p.mode, answerAfterMs: p.answerAfterMs, ...(p.hangupAfterMs ? { hangupAfterMs: p.hangupAfterMs } : {}) });
          if (s.pause) await server.agents.pause(agentIds.get(s.pause)!, 'break');
          for (const c of s.calls) sim.placeCall({ queue: c.queue, callerNumber: c.caller, patienceMs: 2500, talkMs: c.talkMs });
          await eventually(() => (sim.snapshot().channels.length === 0 ? true : undefined), 15_000, 'the calls to end');
          if (s.pause) await server.agents.ready(agentIds.get(s.pause)!);
          // Quiet for 500 ms: every stream has what it will get.
          const total = () => clients.reduce((n, c) => n + c.client.frames.length, admin.frames.length);
          for (let last = -1, now = total(); now !== last; last = now, now = total()) await sleep(500);

          const adminEvents = admin.frames.slice(adminStart).filter((f) => f.op === 'event');
          expect(adminEvents.length).toBeGreaterThan(0);
          const leaks: string[] = [];
          let delivered = 0;
          const misScoped = adminEvents.filter((f) => !scopeMatchesPayload(f)).map(signature);
          for (const { reach, client, start } of clients) {
            const got = client.frames.slice(start).filter((f) => f.op === 'event');
            delivered += got.length;
            for (const f of got) if (!mayView(reach, f)) leaks.push(`${reach.name} (${reach.role}) got ${signature(f)}`);
            // Nothing less: the admin's stream, filtered by the oracle, in the same order.
            expect(got.map(signature), `events of ${reach.name}`).toEqual(adminEvents.filter((f) => mayView(reach, f)).map(signature));
          }
          expect(leaks).toEqual([]);
          expect(delivered).toBeGreaterThan(0);
          expect(misScoped).toEqual([]);
          admin.close();
        } finally {
          for (const { client } of clients) client.close();
          for (const a of DEMO_AGENTS) server.demo!.sim.setPhone(a.extension, { mode: 'answer', answerAfterMs: 300 });
        }
      }),
      { numRuns: 5, endOnFailure: true },
    );
  }, 180_000);
});
