import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { actionsNamed, header, membersOf, sentActions, userId, waitFor } from './helpers.ts';

describe('signing an agent in adds the queues of her skills (simulated PBX)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds chloe to lang-fr, lang-ar and lang-en with penalties from her three language proficiencies', async () => {
    const chloe = await userId(server, 'chloe');
    const skills = new Map((await server.repos.skills.list()).map((s) => [s.name, s.id]));
    // Three languages: French 5, Arabic 4, English 3 → penalties 0, 1, 2 (base 0, step 1).
    await server.repos.skills.setAgentSkills(chloe, [
      { skillId: skills.get('fr')!, proficiency: 5 },
      { skillId: skills.get('ar')!, proficiency: 4 },
      { skillId: skills.get('en')!, proficiency: 3 },
    ]);
    const sim = server.demo!.sim;
    const before = sentActions(sim).length;

    const agent = await server.agents.signIn(chloe, {});

    expect(agent).toMatchObject({ extension: '1003', iface: 'PJSIP/1003', state: 'ready' });
    expect(agent.queues.map((q) => `${q.queue}:${q.penalty}`).sort()).toEqual(['lang-ar:1', 'lang-en:2', 'lang-fr:0']);

    // The exact actions Asterisk received: one QueueAdd per queue, unpaused, with the member name and state interface.
    const adds = actionsNamed(sentActions(sim, before), 'QueueAdd');
    expect(adds).toHaveLength(3);
    const byQueue = new Map(adds.map((a) => [header(a, 'Queue'), a]));
    expect([...byQueue.keys()].sort()).toEqual(['lang-ar', 'lang-en', 'lang-fr']);
    for (const [queue, penalty] of [['lang-fr', '0'], ['lang-ar', '1'], ['lang-en', '2']] as const) {
      const a = byQueue.get(queue)!;
      expect(header(a, 'Interface')).toBe('PJSIP/1003');
      expect(header(a, 'Penalty')).toBe(penalty);
      expect(header(a, 'Paused')).toMatch(/^(false|0|no)$/i);
      expect(header(a, 'MemberName')).toBe('Chloé Bernard');
      expect(header(a, 'StateInterface')).toBe('PJSIP/1003');
      expect(header(a, 'ActionID')).toBeTruthy();
    }
    expect(actionsNamed(sentActions(sim, before), 'QueuePause')).toHaveLength(0);

    // Asterisk's own state and the live model agree.
    expect(membersOf(sim, 'PJSIP/1003')).toEqual(['lang-ar:1:ready:', 'lang-en:2:ready:', 'lang-fr:0:ready:']);
    const model = server.pbxs.get('main')!.model;
    const modelled = [...model.queues.values()]
      .map((q) => q.members.get('PJSIP/1003'))
      .filter((m) => m !== undefined)
      .map((m) => `${m.queue}:${m.penalty}:${m.paused}`)
      .sort();
    expect(modelled).toEqual(['lang-ar:1:false', 'lang-en:2:false', 'lang-fr:0:false']);
  });

  it('signing chloe in again at the same extension sends nothing and keeps her one session', async () => {
    const chloe = await userId(server, 'chloe');
    const sim = server.demo!.sim;
    const first = server.agents.get(chloe)!;
    const before = sentActions(sim).length;
    const again = await server.agents.signIn(chloe, {});
    expect(again.sessionId).toBe(first.sessionId);
    expect(actionsNamed(sentActions(sim, before), 'QueueAdd')).toHaveLength(0);
    expect(server.agents.list().filter((a) => a.agentId === chloe)).toHaveLength(1);
    const open = (await server.repos.timesheet.listSessions({ agentId: chloe })).filter((s) => s.signedOutAt === null);
    expect(open).toHaveLength(1);
  });

  it('names the agent on the queue.member added events of her own sign-in', async () => {
    const bilal = await userId(server, 'bilal');
    const log = recordEvents(server);
    try {
      const agent = await server.agents.signIn(bilal, {});
      const added = await waitFor('the added members reach the stream', () => {
        const got = log.of('queue.member').filter((e) => e.payload.change === 'added' && e.payload.interface === agent.iface);
        return got.length === agent.queues.length ? got : undefined;
      });
      expect(added.map((e) => e.payload.agentId)).toEqual(agent.queues.map(() => bilal));
    } finally {
      log.stop();
    }
  });
});
