import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { type ClusterFixture, login, startClusterFixture } from './cluster-fixture.ts';

/** Revocations and login budgets hold across nodes: what one node decides, every node applies. */
describe('three CTI nodes share revocations and login budgets', () => {
  let fx: ClusterFixture;
  beforeAll(async () => {
    fx = await startClusterFixture({ nodes: 3, pbxs: ['main'] });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  }, 60_000);

  it('disabling a user on node A closes her WebSocket on node B at once, with 4003', async () => {
    const [a, b] = fx.nodes as [(typeof fx.nodes)[0], (typeof fx.nodes)[0]];
    const alice = await TestClient.connect(`${b.url.replace('http', 'ws')}/api/ws`, await login(b, 'alice'));
    const aliceId = (await fx.repos.users.getByUsername('alice'))!.id;
    const admin = await login(a, 'admin');
    const res = await fetch(`${a.url}/api/users/${aliceId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status, await res.text()).toBe(200);
    const closed = await alice.waitForClose(5000);
    expect(closed.code).toBe(4003);
    await fx.repos.users.update(aliceId, { disabled: false });
  }, 30_000);

  it('40 wrong passwords spread over 3 nodes at once: exactly the allowed number are checked', async () => {
    // The cluster nodes run the default limit: 10 failures per username and address per minute.
    const tries = Array.from({ length: 40 }, (_, i) =>
      fetch(`${fx.nodes[i % 3]!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sam', password: `wrong-${i}` }),
      }).then((r) => r.status),
    );
    const statuses = await Promise.all(tries);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  }, 60_000);
});
