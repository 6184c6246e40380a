import type { AmiMessage } from '@amiable/ami';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { startTwoPbxCentre, type TwoPbxCentre } from '../support/two-pbx-server.ts';
import { command, createScopedUser, login, TEST_PASSWORD, testPasswordHash } from './support/identities.ts';

/**
 * On the AMI-compatible port, as on the WebSocket API, two Asterisks that number their phones
 * alike are told apart, and an agent sees the desk she sits at, not every desk she may use.
 * Actions not tied to a channel go to the PBX of the session's agent.
 */

let centre: TwoPbxCentre;
const clients: RawClient[] = [];

async function createAgent(username: string, pbx: string, defaultExtension: string, desks: string[], skillId: string): Promise<void> {
  const { repos } = centre.server;
  const user = await repos.users.create({ username, displayName: username, role: 'agent', passwordHash: await testPasswordHash() });
  await repos.agents.upsert(user.id, { pbx, defaultExtension });
  await repos.userScopes.replace(user.id, desks.map((value) => ({ kind: 'extension' as const, pbx, value })));
  await repos.skills.setAgentSkills(user.id, [{ skillId, proficiency: 1 }]);
}

async function signIn(username: string, extension?: string): Promise<void> {
  const { accessToken } = await login(centre.server.url, username);
  expect((await command(centre.server.url, accessToken, 'agent.signIn', extension ? { extension } : {})).status).toBe(200);
}

async function amiLogin(username: string, events = 'on'): Promise<RawClient> {
  const client = await RawClient.connect(centre.server.amiPort!.port);
  clients.push(client);
  expect((await client.login(username, TEST_PASSWORD, events)).get('Response')).toBe('Success');
  return client;
}

const text = (client: RawClient) => client.messages.map((m: AmiMessage) => m.fields.join('|')).join('\n');

beforeAll(async () => {
  centre = await startTwoPbxCentre({ amiPort: { enabled: true, port: 0 } });
  const { repos } = centre.server;
  const sales = await repos.skills.create({ name: 'sales', label: 'Sales', kind: 'skill' });
  await repos.skills.setSkillQueues(sales.id, [{ pbx: 'main', queue: 'sales', basePenalty: 0, penaltyStep: 0 }]);
  const branchSales = await repos.skills.create({ name: 'branch-sales', label: 'Branch sales', kind: 'skill' });
  await repos.skills.setSkillQueues(branchSales.id, [{ pbx: 'branch', queue: 'sales', basePenalty: 0, penaltyStep: 0 }]);
  await createAgent('alice', 'main', '1006', ['1005', '1006', '1007'], sales.id);
  await createAgent('carol', 'main', '1005', [], sales.id);
  await createAgent('bruno', 'branch', '1003', ['1003'], branchSales.id);
  await createScopedUser(centre.server, { username: 'root', role: 'admin', scopes: [] });
  for (const pbx of Object.keys(centre.sims)) {
    await new Promise<void>((resolve) => {
      const probe = () => (centre.server.pbxs.get(pbx)?.isReady() ? resolve() : setTimeout(probe, 50));
      probe();
    });
  }
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await centre?.close();
});

describe('AMI-compatible port: scope follows the PBX and the desk the agent sits at', () => {
  it('shows Alice at 1006 on main her own call only: not 1006 on branch, not Carol at 1005', async () => {
    await signIn('alice', '1006');
    await signIn('carol');
    const alice = await amiLogin('alice');
    const admin = await amiLogin('root');
    // A phone rings for the customer: its channel shows the customer as the connected line.
    const ringing = (number: string) => () =>
      admin.messages.some((m) => m.get('Channel')?.startsWith('PJSIP/') === true && m.get('ConnectedLineNum') === number);

    centre.sims.branch.placeCall({ exten: '1006', callerNumber: '+15550009999', callerName: 'Branch Customer', talkMs: 300 });
    centre.sims.main.placeCall({ exten: '1005', callerNumber: '+15550005555', callerName: 'Carol Customer', talkMs: 300 });
    await admin.until(ringing('+15550009999'), 10_000);
    await admin.until(ringing('+15550005555'), 10_000);
    centre.sims.main.placeCall({ exten: '1006', callerNumber: '+15550006666', callerName: 'Alice Customer', talkMs: 300 });
    await alice.until(() => text(alice).includes('+15550006666'), 10_000);
    await admin.until(ringing('+15550006666'), 10_000);
    // Both PBXs' calls to 1006 reached the phones: the admin saw them.
    expect(text(admin)).toContain('Branch Customer');
    const seen = text(alice);
    expect(seen).not.toContain('+15550009999');
    expect(seen).not.toContain('Branch Customer');
    expect(seen).not.toContain('+15550005555');
    expect(seen).not.toContain('PJSIP/1005');
  }, 30_000);

  it('sends a queue action of Bruno, sitting on branch, to branch and not to the first PBX', async () => {
    // Bruno's desk on branch is the workstation this host is (the sign-in takes its PBX from it).
    await centre.server.repos.workstations.create({ name: 'branch-desk', ip: '127.0.0.1', pbx: 'branch', extension: '1003' });
    await signIn('bruno');
    const bruno = await amiLogin('bruno', 'off');
    bruno.action(['Action', 'QueuePause'], ['ActionID', 'p1'], ['Interface', 'PJSIP/1003'], ['Queue', 'sales'], ['Paused', 'true']);
    const reply = await bruno.response('p1', 10_000);
    // `main` has no member PJSIP/1003 in sales and would answer `Interface not found`.
    expect(reply.get('Response')).toBe('Success');
    bruno.action(['Action', 'QueuePause'], ['ActionID', 'p2'], ['Interface', 'PJSIP/1003'], ['Queue', 'sales'], ['Paused', 'false']);
    expect((await bruno.response('p2', 10_000)).get('Response')).toBe('Success');
  }, 30_000);

  it('still lets Alice act on a desk she may use but does not sit at (may act on is not may see)', async () => {
    const alice = await amiLogin('alice', 'off');
    alice.action(['Action', 'Originate'], ['ActionID', 'o1'], ['Channel', 'PJSIP/1007'], ['Exten', '1008'], ['Priority', '1']);
    expect((await alice.response('o1', 10_000)).get('Response')).toBe('Success');
    alice.action(['Action', 'Originate'], ['ActionID', 'o2'], ['Channel', 'PJSIP/1009'], ['Exten', '1008'], ['Priority', '1']);
    const refused = await alice.response('o2', 10_000);
    expect(refused.get('Response')).toBe('Error');
    expect(refused.get('Message')).toMatch(/^Permission denied/);
  }, 30_000);
});
