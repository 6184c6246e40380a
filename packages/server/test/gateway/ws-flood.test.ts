import { CLOSE_CODES } from '@amiable/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ringing } from './helpers/events.ts';
import { buildFixture, type Fixture, login } from './helpers/fixture.ts';
import { TestClient } from './helpers/ws-client.ts';

let fx: Fixture;
let url: string;
let snapshotsBuilt = 0;
const clients: TestClient[] = [];

async function start() {
  snapshotsBuilt = 0;
  const base = await buildFixture();
  fx = await buildFixture({
    state: {
      snapshot: () => {
        snapshotsBuilt++;
        return base.state.current;
      },
    },
  });
  await base.app.close();
  const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
  url = `${address.replace('http', 'ws')}/api/ws`;
}

async function connect(username: string): Promise<TestClient> {
  const client = await TestClient.connect(url, (await login(fx.app, username)).accessToken);
  await client.waitFor((f) => f.op === 'snapshot');
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await fx?.app.close();
});

describe('a client that floods the WebSocket', () => {
  it('is closed with 4029 and a bye naming CTI_ERR_RATE_LIMITED, while another client keeps being served', async () => {
    await start();
    const flooder = await connect('alice');
    const other = await connect('carol');
    for (let i = 0; i < 5000; i++) flooder.send({ op: 'ping', id: `p${i}` });

    const closed = await flooder.waitForClose(10_000);
    expect(closed.code).toBe(CLOSE_CODES.RATE_LIMITED);
    expect(flooder.frames.find((f) => f.op === 'bye')).toMatchObject({ closeCode: 4029, code: 'CTI_ERR_RATE_LIMITED' });
    // It was answered up to its budget, not 5,000 times.
    expect(flooder.frames.filter((f) => f.op === 'pong').length).toBeLessThan(5000);

    other.send({ op: 'ping', id: 'still-there' });
    await other.waitFor((f) => f.op === 'pong' && f.id === 'still-there');
    fx.app.gateway.router.publish(ringing('9.1', '1001', 'agent-1001', 'lang-en'));
    await other.waitFor((f) => f.op === 'event' && f.type === 'call.ringing');
    expect(other.closed).toBeNull();
  });

  it('coalesces repeated subscribes: every one is answered, the snapshots are few and follow the last filter', async () => {
    await start();
    const alice = await connect('alice');
    const builtBefore = snapshotsBuilt;
    for (let i = 0; i < 60; i++) {
      alice.send({ op: 'subscribe', id: `s${i}`, filter: { types: i === 59 ? ['call.ringing'] : ['agent.state'] } });
    }
    await alice.until(() => (alice.frames.filter((f) => f.op === 'result').length === 60 ? true : undefined));
    const snapshots = () => alice.frames.filter((f) => f.op === 'snapshot').length - 1;
    await alice.until(() => (snapshots() > 0 ? true : undefined));
    expect(snapshots()).toBeLessThan(60);
    expect(snapshotsBuilt - builtBefore).toBeLessThan(60);
    expect(alice.closed).toBeNull();
    // The filter in force is the last one.
    fx.app.gateway.router.publish(ringing('9.2', '1001', 'agent-1001', 'lang-en'));
    await alice.waitFor((f) => f.op === 'event' && f.type === 'call.ringing');
  });
});
