import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { actionsNamed, sentActions } from '../workflow/helpers.ts';
import { type ClusterFixture, command, login, ownerOf, startClusterFixture } from './cluster-fixture.ts';

describe('two PBXs and three CTI nodes', () => {
  let fx: ClusterFixture;
  beforeAll(async () => {
    fx = await startClusterFixture({ nodes: 3, pbxs: ['main', 'east'] });
  }, 150_000);
  afterAll(async () => {
    await fx?.close();
  }, 60_000);

  it('spreads ownership over the nodes, and a client on the node that owns neither sees both PBXs live', async () => {
    // The first node starts alone and takes both; once the others are members it hands one back.
    const until = Date.now() + 40_000;
    let owners: string[] = [];
    while (Date.now() < until) {
      const main = await ownerOf(fx.nodes, 'main', 20_000);
      const east = await ownerOf(fx.nodes, 'east', 20_000);
      owners = [main.nodeId, east.nodeId];
      if (owners[0] !== owners[1]) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(new Set(owners).size).toBe(2);
    const third = fx.nodes.find((n) => !owners.includes(n.nodeId))!;
    // The third node reads the leases on its own rounds: it learns of a hand-over one round later.
    const expected = [`east:${owners[1]}`, `main:${owners[0]}`].sort();
    const seenBy = async () => (await third.health()).node?.owners.map((o) => `${o.pbx}:${o.node}`).sort() ?? [];
    const learnt = Date.now() + 15_000;
    while (Date.now() < learnt && JSON.stringify(await seenBy()) !== JSON.stringify(expected)) await new Promise((r) => setTimeout(r, 250));
    const health = await third.health();
    expect(health.node?.owned).toEqual([]);
    expect(health.node?.owners.map((o) => `${o.pbx}:${o.node}`).sort()).toEqual(expected);
    expect(health.node?.members.map((m) => m.node).sort()).toEqual(['node-a', 'node-b', 'node-c']);
    const owner = fx.nodes.find((n) => n.nodeId === owners[0])!;
    const metrics = await (await fetch(`${owner.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`amiable_cluster_lease_age_seconds\\{node="${owner.nodeId}",pbx="main"\\} \\d`));
    expect(metrics).toContain(`amiable_cluster_members{node="${owner.nodeId}",member="node-c"} 1`);
    expect(metrics).toMatch(/amiable_cluster_consumer_lag\{node="[^"]+"\} \d+/);
    expect(metrics).toMatch(/amiable_cluster_writer_lag\{node="[^"]+"\} \d+/);

    // Its snapshot holds both PBXs, ready, and events of both reach its clients.
    // The admin sees every PBX (the seeded supervisor's scope is the queues of `main`).
    // A PBX just handed over is still connecting on its new owner: take snapshots until both are ready.
    const states = (snap: Record<string, unknown>) =>
      (snap.state as { pbx: Array<{ pbx: string; state: string }> }).pbx.map((p) => `${p.pbx}:${p.state}`).sort();
    const token = await login(third, 'admin');
    const ready = Date.now() + 20_000;
    let sam = await TestClient.connect(`${third.url.replace('http', 'ws')}/api/ws`, token);
    let snapshot = await sam.waitFor((f) => f.op === 'snapshot', 10_000);
    while (Date.now() < ready && states(snapshot).join() !== 'east:ready,main:ready') {
      sam.ws.close();
      await new Promise((r) => setTimeout(r, 500));
      sam = await TestClient.connect(`${third.url.replace('http', 'ws')}/api/ws`, token);
      snapshot = await sam.waitFor((f) => f.op === 'snapshot', 10_000);
    }
    expect(states(snapshot)).toEqual(['east:ready', 'main:ready']);
    fx.sims[0]!.placeCall({ queue: 'lang-en', callerNumber: '+15551230101', patienceMs: 500 });
    fx.sims[1]!.placeCall({ queue: 'lang-en', callerNumber: '+15551230202', patienceMs: 500 });
    await sam.until(() => {
      const pbxs = new Set(sam.events('queue.stats').map((f) => f.pbx));
      return pbxs.has('main') && pbxs.has('east') ? true : undefined;
    }, 15_000);
    sam.ws.close();
  }, 120_000);

  it('signs an agent in on the PBX of her desk through a node that owns neither PBX, and forwards her AMI-port actions to its owner', async () => {
    const main = await ownerOf(fx.nodes, 'main');
    const east = await ownerOf(fx.nodes, 'east');
    const third = fx.nodes.find((n) => n !== main && n !== east) ?? fx.nodes.find((n) => n !== east)!;
    // Alice's queues exist on both PBXs; her desk (this host's address) is on east.
    for (const skill of await fx.repos.skills.list()) {
      const queues = (await fx.repos.skills.skillQueues(skill.id)).map(({ skillId: _, ...q }) => q);
      await fx.repos.skills.setSkillQueues(skill.id, [...queues, ...queues.map((q) => ({ ...q, pbx: 'east' }))]);
    }
    await fx.repos.workstations.create({ name: 'east-desk', ip: '127.0.0.1', pbx: 'east', extension: '1001' });
    const [onMain, onEast] = [sentActions(fx.sims[0]!).length, sentActions(fx.sims[1]!).length];
    const token = await login(third, 'alice');
    const res = await command(third, token, 'agent.signIn', {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ pbx: 'east', extension: '1001' });
    expect(actionsNamed(sentActions(fx.sims[1]!, onEast), 'QueueAdd').length).toBeGreaterThan(0);
    expect(actionsNamed(sentActions(fx.sims[0]!, onMain), 'QueueAdd')).toEqual([]);
    // The session reaches the database through the write stream, a moment after the sign-in.
    const aliceId = (await fx.repos.users.getByUsername('alice'))!.id;
    let session = await fx.repos.timesheet.openSessionOf(aliceId);
    for (let i = 0; i < 100 && !session; i++) {
      await new Promise((r) => setTimeout(r, 50));
      session = await fx.repos.timesheet.openSessionOf(aliceId);
    }
    expect(session?.pbx).toBe('east');

    // On the AMI-compatible port of a node that does not own east, her QueuePause goes to east's owner.
    const portNode = fx.nodes.find((n) => n !== east)!;
    const ami = await RawClient.connect(portNode.amiPort!);
    try {
      expect((await ami.login('alice', 'alice-demo', 'off')).get('Response')).toBe('Success');
      const before = sentActions(fx.sims[1]!).length;
      ami.action(['Action', 'QueuePause'], ['ActionID', 'p1'], ['Interface', 'PJSIP/1001'], ['Queue', 'support'], ['Paused', 'true']);
      expect((await ami.response('p1', 10_000)).get('Response')).toBe('Success');
      expect(actionsNamed(sentActions(fx.sims[1]!, before), 'QueuePause')).toHaveLength(1);
    } finally {
      ami.close();
    }
  }, 60_000);
});
