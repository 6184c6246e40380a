import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Frame, TestClient } from '../gateway/helpers/ws-client.ts';
import { actionsNamed, sentActions } from '../workflow/helpers.ts';
import { type ClusterFixture, command, login, ownerOf, startClusterFixture } from './cluster-fixture.ts';


describe('three CTI nodes on a NATS cluster, one simulated PBX', () => {
  let fx: ClusterFixture;
  beforeAll(async () => {
    fx = await startClusterFixture({ nodes: 3, pbxs: ['main'] });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  }, 60_000);

  it('runs a command sent to a non-owner node once, on the owner, and audits it once', async () => {
    const owner = await ownerOf(fx.nodes, 'main');
    const other = fx.nodes.find((n) => n !== owner)!;
    const sim = fx.sims[0]!;
    const before = sentActions(sim).length;
    const token = await login(other, 'alice');
    const res = await command(other, token, 'agent.signIn', {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'ready', extension: '1001' });
    // Her three queues were added once each, by the one AMI session of the owner.
    const adds = actionsNamed(sentActions(sim, before), 'QueueAdd');
    expect(adds.map((a) => a.find(([k]) => k === 'Queue')?.[1]).sort()).toEqual(['lang-en', 'lang-fr', 'support']);
    // The audit record is written once, by the node that took the command (asynchronously).
    const signIns = async () => (await fx.repos.audit.query()).filter((e) => e.command === 'agent.signIn').length;
    for (let i = 0; i < 100 && (await signIns()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(await signIns()).toBe(1);
  }, 60_000);

  it('kill -9 of the owner during a call: another node owns the PBX within 5 s, survivors miss nothing, its clients resume on another node, the call record is complete', async () => {
    const owner = await ownerOf(fx.nodes, 'main');
    const survivors = fx.nodes.filter((n) => n !== owner);
    const sim = fx.sims[0]!;
    const ws = (n: { url: string }) => `${n.url.replace('http', 'ws')}/api/ws`;
    const clients = await Promise.all(survivors.map(async (n) => TestClient.connect(ws(n), await login(n, 'sam'))));
    const samOnOwner = await login(owner, 'sam');
    const orphan = await TestClient.connect(ws(owner), samOnOwner);
    // Every client saw the same stream from here on: events after the latest welcome are compared.
    const from = Math.max(...[...clients, orphan].map((c) => c.welcome.seq as number));
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 200 });
    sim.placeCall({ queue: 'lang-en', callerNumber: '+15551230001', callerName: 'Jane Customer', talkMs: 9000 });
    for (const c of [...clients, orphan]) await c.waitFor((f) => f.op === 'event' && f.type === 'call.answered', 15_000);

    const killedAt = Date.now();
    owner.signal('SIGKILL');
    await owner.exited;
    await orphan.waitForClose(10_000);
    // The owner's client comes back on a survivor, from the last event it got.
    const lastSeen = orphan.events().at(-1)!.seq as number;
    const resumed = await TestClient.connect(ws(survivors[1]!), samOnOwner, { stream: orphan.welcome.session as string, seq: lastSeen });
    expect(resumed.welcome).toMatchObject({ resumed: true, mustResync: false, seq: lastSeen });
    const next = await ownerOf(survivors, 'main', 10_000);
    const tookOverMs = Date.now() - killedAt;
    expect(tookOverMs).toBeLessThanOrEqual(5000);

    for (const c of [...clients, resumed]) await c.waitFor((f) => f.op === 'event' && f.type === 'call.ended', 20_000);
    // Survivors saw the same events, in the same order, with the same seq (the stream's).
    // Compared up to the end of the call (events after it reach each client in its own time).
    const end = clients[0]!.events('call.ended')[0]!.seq as number;
    const after = (c: TestClient) => c.events().filter((f) => (f.seq as number) > from && (f.seq as number) <= end);
    const lines = (frames: Frame[]) => frames.map((f) => `${f.seq} ${f.type}:${JSON.stringify(f.payload)}`);
    expect(lines(after(clients[0]!))).toEqual(lines(after(clients[1]!)));
    for (const c of clients) {
      const seqs = c.events().map((f) => f.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(c.closed).toBeNull();
    }
    // The resumed client missed nothing and got nothing twice: before and after the kill, it saw what the survivors saw.
    const orphanSaw = [...after(orphan), ...after(resumed)];
    expect(lines(orphanSaw)).toEqual(lines(after(clients[0]!)));
    expect(resumed.frames.some((f) => f.op === 'snapshot')).toBe(false);
    const record = await (async () => {
      for (let i = 0; i < 100; i++) {
        const rows = await fx.repos.callRecords.list();
        const r = rows.items.find((x) => x.callerNumber === '+15551230001');
        if (r?.endedAt) return r;
        await new Promise((r2) => setTimeout(r2, 100));
      }
      return undefined;
    })();
    expect(record).toMatchObject({ queue: 'lang-en', answeredBy: '1001', outcome: 'answered' });
    expect(record!.answeredAt).not.toBeNull();
    expect(record!.endedAt).not.toBeNull();
    console.log(`takeover in ${tookOverMs} ms by ${next.nodeId}`);
    for (const c of [...clients, resumed]) c.ws.close();
  }, 90_000);

  it('a partitioned owner (SIGSTOP past its lease, then SIGCONT) never sends Asterisk a byte after losing the lease', async () => {
    const alive = fx.nodes.filter((n) => n.exitCode === null);
    const owner = await ownerOf(alive, 'main');
    const other = alive.find((n) => n !== owner)!;
    const sim = fx.sims[0]!;
    const open = sim.sessions().filter((s) => !s.closed);
    owner.signal('SIGSTOP');
    const stoppedAt = Date.now();
    await ownerOf([other], 'main', 10_000);
    const tookOverMs = Date.now() - stoppedAt;
    // What the paused owner's sessions had delivered when it lost the lease, and how many sessions exist.
    const bytesAtTakeover = open.map((s) => s.receivedBytes().length);
    const sessionsAtTakeover = sim.sessions().length;
    // Keep it paused past its 5 s AMI keepalive, so a Ping is due the moment it wakes up.
    await new Promise((r) => setTimeout(r, Math.max(0, 6000 - (Date.now() - stoppedAt))));
    owner.signal('SIGCONT');
    await new Promise((r) => setTimeout(r, 4000));
    expect(open.map((s) => s.receivedBytes().length)).toEqual(bytesAtTakeover);
    expect(sim.sessions().length).toBe(sessionsAtTakeover);
    const h = await owner.health();
    expect(h.node?.owned).toEqual([]);
    expect(h.node?.owners).toEqual([{ pbx: 'main', node: other.nodeId }]);
    console.log(`takeover from a paused owner in ${tookOverMs} ms`);
  }, 60_000);
});
