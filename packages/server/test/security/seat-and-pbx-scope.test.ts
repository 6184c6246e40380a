import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Frame, TestClient } from '../gateway/helpers/ws-client.ts';
import { startTwoPbxCentre, type TwoPbxCentre } from '../support/two-pbx-server.ts';
import { call, command, createScopedUser, login, testPasswordHash } from './support/identities.ts';

/**
 * Two Asterisks number their phones alike (1001..1010 on `main` and on `branch`). An agent sees
 * the desk she sits at on her PBX and her own agent id: not the same extension on the other
 * PBX, not the other desks she may use while a colleague sits there. A supervisor with a queue
 * but no team sees the agents who are members of that queue.
 */

let centre: TwoPbxCentre;
let base: string;
let ws: string;

async function createAgent(username: string, defaultExtension: string, desks: string[], skillId: string): Promise<string> {
  const { repos } = centre.server;
  const user = await repos.users.create({ username, displayName: username, role: 'agent', passwordHash: await testPasswordHash() });
  await repos.agents.upsert(user.id, { pbx: 'main', defaultExtension });
  await repos.userScopes.replace(user.id, desks.map((value) => ({ kind: 'extension' as const, pbx: 'main', value })));
  await repos.skills.setAgentSkills(user.id, [{ skillId, proficiency: 1 }]);
  return user.id;
}

const ringingAt = (client: TestClient) =>
  client.events('call.ringing').map((f) => `${f.pbx as string}/${(f.payload as { extension: string }).extension}`);

beforeAll(async () => {
  centre = await startTwoPbxCentre();
  base = centre.server.url;
  ws = `${base.replace('http', 'ws')}/api/ws`;
  const { repos } = centre.server;
  const sales = await repos.skills.create({ name: 'sales', label: 'Sales', kind: 'skill' });
  await repos.skills.setSkillQueues(sales.id, [{ pbx: 'main', queue: 'sales', basePenalty: 0, penaltyStep: 0 }]);
  const support = await repos.skills.create({ name: 'support', label: 'Support', kind: 'skill' });
  await repos.skills.setSkillQueues(support.id, [{ pbx: 'main', queue: 'support', basePenalty: 0, penaltyStep: 0 }]);
  await createAgent('alice', '1006', ['1005', '1006', '1007'], sales.id);
  await createAgent('carol', '1005', [], sales.id);
  await createAgent('erin', '1009', [], support.id);
  await createScopedUser(centre.server, { username: 'sam', role: 'supervisor', scopes: [{ kind: 'queue', value: 'sales' }] });
  await createScopedUser(centre.server, { username: 'root', role: 'admin', scopes: [] });
  for (const pbx of Object.keys(centre.sims)) {
    await new Promise<void>((resolve) => {
      const probe = () => (centre.server.pbxs.get(pbx)?.isReady() ? resolve() : setTimeout(probe, 50));
      probe();
    });
  }
}, 60_000);

afterAll(async () => {
  await centre?.close();
});

describe('scope follows the PBX and the desk the agent sits at', () => {
  it('shows Alice at 1006 on main only her own calls: not 1006 on branch, not Carol at 1005', async () => {
    const alice = await login(base, 'alice');
    const carol = await login(base, 'carol');
    expect((await command(base, alice.accessToken, 'agent.signIn', { extension: '1006' })).status).toBe(200);
    expect((await command(base, carol.accessToken, 'agent.signIn', {})).status).toBe(200);
    const aliceWs = await TestClient.connect(ws, alice.accessToken);
    const admin = await TestClient.connect(ws, (await login(base, 'root')).accessToken);

    centre.sims.branch.placeCall({ exten: '1006', callerNumber: '+15550009999', callerName: 'Branch Customer', talkMs: 300 });
    centre.sims.main.placeCall({ exten: '1005', callerNumber: '+15550005555', callerName: 'Carol Customer', talkMs: 300 });
    await admin.waitFor((f) => f.type === 'call.ringing' && f.pbx === 'branch', 10_000);
    await admin.waitFor((f) => f.type === 'call.ringing' && f.pbx === 'main', 10_000);
    centre.sims.main.placeCall({ exten: '1006', callerNumber: '+15550006666', callerName: 'Alice Customer', talkMs: 300 });
    await aliceWs.waitFor((f) => f.type === 'call.ringing', 10_000);
    await admin.waitFor((f) => f.type === 'call.ringing' && (f.payload as { extension: string }).extension === '1006' && f.pbx === 'main', 10_000);

    expect(ringingAt(admin).sort()).toEqual(['branch/1006', 'main/1005', 'main/1006']);
    expect(ringingAt(aliceWs)).toEqual(['main/1006']);
    const seen = JSON.stringify(aliceWs.frames);
    expect(seen).not.toContain('+15550009999');
    expect(seen).not.toContain('+15550005555');
    for (const f of aliceWs.events()) expect([undefined, 'main']).toContain(f.pbx);

    // The snapshot follows the same rule: Carol's desk is not Alice's.
    const state = await call(base, 'GET', '/api/state', alice.accessToken);
    const agents = (state.body.agents as Array<{ agentId: string }>).map((a) => a.agentId);
    expect(agents).toHaveLength(1);
    aliceWs.close();
    admin.close();
  }, 30_000);

  it('shows a supervisor with a queue but no team the members of that queue, and nobody else', async () => {
    const sam = await login(base, 'sam');
    const samWs = await TestClient.connect(ws, sam.accessToken);
    const erin = await login(base, 'erin');
    expect((await command(base, erin.accessToken, 'agent.signIn', {})).status).toBe(200);
    const carol = await login(base, 'carol');
    expect((await command(base, carol.accessToken, 'agent.signOut', {})).status).toBe(200);
    expect((await command(base, carol.accessToken, 'agent.signIn', {})).status).toBe(200);
    const signedIn = (f: Frame) => f.type === 'agent.session' && (f.payload as { action: string }).action === 'signed-in';
    await samWs.waitFor(signedIn, 10_000);
    const carolId = (await centre.server.repos.users.getByUsername('carol'))!.id;
    const erinId = (await centre.server.repos.users.getByUsername('erin'))!.id;
    const sessions = samWs.events('agent.session').map((f) => (f.payload as { agentId: string }).agentId);
    expect(sessions).toContain(carolId);
    expect(sessions).not.toContain(erinId);
    expect(samWs.events().some((f) => (f.payload as { agentId?: string }).agentId === erinId)).toBe(false);

    const state = await call(base, 'GET', '/api/state', sam.accessToken);
    const agents = (state.body.agents as Array<{ agentId: string }>).map((a) => a.agentId);
    expect(agents).toContain(carolId);
    expect(agents).not.toContain(erinId);
    samWs.close();
  }, 30_000);
});
