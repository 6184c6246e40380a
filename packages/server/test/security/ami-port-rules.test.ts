import type { AmiMessage } from '@amiable/ami';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUEUES } from '../../src/demo/demo-data.ts';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createScopedUser, eventually, sleep, TEST_PASSWORD, testPasswordHash, userIdOf } from './support/identities.ts';

/**
 * The AMI-compatible port applies the permissions of the WebSocket API: an agent logged in with
 * `Events: on` sees their own phone's calls and their queues' statistics, not the calls offered
 * to colleagues nor their pause state. Pause reasons are the configured ones, Originate works in
 * the allowed context, and idle connections from one host cannot lock everybody out.
 */

let server: TestServer;
let alice: string;
let bilal: string;
const clients: RawClient[] = [];

async function amiLogin(username: string, events = 'on', localAddress?: string): Promise<RawClient> {
  const client = await RawClient.connect(server.amiPort!.port, undefined, localAddress);
  clients.push(client);
  expect((await client.login(username, TEST_PASSWORD, events)).get('Response')).toBe('Success');
  return client;
}

const named = (client: RawClient, event: string) => client.messages.filter((m: AmiMessage) => m.event === event);

beforeAll(async () => {
  server = await startTestServer({ amiPort: { enabled: true, port: 0 }, demo: { callsPerMinute: 0, autoSignIn: true } });
  const hash = await testPasswordHash();
  for (const u of ['alice', 'bilal']) await server.repos.users.update(await userIdOf(server, u), { passwordHash: hash });
  alice = await userIdOf(server, 'alice');
  bilal = await userIdOf(server, 'bilal');
  await createScopedUser(server, { username: 'root', role: 'admin', scopes: [] });
  await server.agents.signIn(alice, {});
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

describe('AMI-compatible port: what an agent sees', () => {
  it('shows an agent with Events: on none of the calls offered to colleagues in her queues, nor their pauses', async () => {
    const aliceQueues = new Set((await server.repos.skills.queuesForAgent(alice)).map((q) => q.queue));
    const bilalQueues = (await server.repos.skills.queuesForAgent(bilal)).map((q) => q.queue);
    const shared = bilalQueues.find((q) => aliceQueues.has(q)) ?? DEMO_QUEUES.map((q) => q.name).find((q) => aliceQueues.has(q))!;
    const ami = await amiLogin('alice');
    const admin = await amiLogin('root');
    // Alice takes a break, so the queue's calls go to her colleagues.
    await server.agents.pause(alice, 'break');
    await server.agents.pause(bilal, 'lunch');
    server.demo!.sim.placeCall({ queue: shared, callerNumber: '+15557654321', callerName: 'Secret Customer', patienceMs: 1500 });
    await eventually(() => (named(admin, 'QueueCallerLeave').length > 0 || named(admin, 'QueueCallerAbandon').length > 0 ? true : undefined), 15_000, 'the call to leave the queue');
    await sleep(300);

    // The admin saw it all: the events exist.
    expect(named(admin, 'QueueCallerJoin').length).toBeGreaterThan(0);
    expect(named(admin, 'QueueMemberPause').some((m) => m.get('Interface') === 'PJSIP/1002')).toBe(true);
    // Alice saw her own pause, and nothing of the customer or of Bilal's pause.
    expect(named(ami, 'QueueMemberPause').every((m) => m.get('Interface') === 'PJSIP/1001')).toBe(true);
    expect(named(ami, 'QueueMemberPause').length).toBeGreaterThan(0);
    expect(named(ami, 'QueueCallerJoin')).toEqual([]);
    const seen = ami.messages.map((m) => m.fields.join('|')).join('\n');
    expect(seen).not.toContain('+15557654321');
    expect(seen).not.toContain('Secret Customer');
    await server.agents.ready(alice);
    await server.agents.ready(bilal);
  }, 30_000);
});

describe('AMI-compatible port: actions', () => {
  it('accepts a configured pause reason and refuses any other', async () => {
    const ami = await amiLogin('alice', 'off');
    ami.action(['Action', 'QueuePause'], ['ActionID', 'bad'], ['Interface', 'PJSIP/1001'], ['Paused', 'true'], ['Reason', 'gone-fishing']);
    const refused = await ami.response('bad');
    expect(refused.get('Response')).toBe('Error');
    expect(refused.get('Message')).toMatch(/^Permission denied/);
    ami.action(['Action', 'QueuePause'], ['ActionID', 'good'], ['Interface', 'PJSIP/1001'], ['Paused', 'false'], ['Reason', 'break']);
    expect((await ami.response('good', 5000)).get('Response')).toBe('Success');
  });

  it('originates from the agent’s own phone in the allowed context, and nowhere else', async () => {
    const ami = await amiLogin('alice', 'off');
    ami.action(['Action', 'Originate'], ['ActionID', 'elsewhere'], ['Channel', 'PJSIP/1001'], ['Exten', '1002'], ['Context', 'from-trunk'], ['Priority', '1']);
    expect((await ami.response('elsewhere')).get('Response')).toBe('Error');
    ami.action(['Action', 'Originate'], ['ActionID', 'dial'], ['Channel', 'PJSIP/1001'], ['Exten', '1002'], ['Context', 'internal'], ['Priority', '1']);
    expect((await ami.response('dial', 5000)).get('Response')).toBe('Success');
  });
});

describe('AMI-compatible port: connections waiting to log in', () => {
  it('lets a client from another host log in while 50 idle connections wait from one host', async () => {
    const idle: RawClient[] = [];
    for (let i = 0; i < 50; i++) idle.push(await RawClient.connect(server.amiPort!.port));
    clients.push(...idle);
    // Beyond the per-host cap the extra connections were closed at once.
    await eventually(() => (idle.filter((c) => c.closed).length >= 40 ? true : undefined), 5000, 'the extra connections to close');
    expect(idle.filter((c) => !c.closed).length).toBeLessThanOrEqual(8);
    await amiLogin('alice', 'off', '127.0.0.2');
  });
});
