import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture, login } from './helpers/fixture.ts';
import { agentState } from './helpers/events.ts';
import { TestClient } from './helpers/ws-client.ts';

let fx: Fixture;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await fx?.app.close();
});

const yieldToIo = () => new Promise((resolve) => setImmediate(resolve));

describe('slow consumer over a real socket', () => {
  it('disconnects a client that stopped reading with 4008 while 100 other clients receive every event', async () => {
    fx = await buildFixture({
      config: {
        tokenSecret: 'x'.repeat(32),
        router: { maxQueueEvents: 500, maxQueueBytes: 512 * 1024, socketHighWaterBytes: 64 * 1024 },
      },
    });
    const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address.replace('http', 'ws')}/api/ws`;
    const router = fx.app.gateway.router;

    const bobToken = (await login(fx.app, 'bob')).accessToken;
    const others = await Promise.all(Array.from({ length: 100 }, () => TestClient.connect(url, bobToken)));
    clients.push(...others);
    const slow = await TestClient.connect(url, (await login(fx.app, 'alice')).accessToken);
    clients.push(slow);
    (slow.ws as unknown as { _socket: Socket })._socket.pause();

    // Large events for alice's extension only, small ones for bob's, interleaved.
    const bulky = agentState('agent-1001', '1001');
    (bulky.payload as { queues: string[] }).queues = Array.from({ length: 400 }, (_, i) => `queue-number-${i}`);
    let small = 0;
    for (let i = 0; i < 20_000 && router.stats().connected > 100; i++) {
      router.publish(bulky);
      if (i % 10 === 0) {
        router.publish(agentState('agent-1002', '1002', small % 2 ? 'paused' : 'ready'));
        small++;
      }
      if (i % 20 === 0) await yieldToIo();
    }
    expect(router.stats().connected).toBe(100);
    for (let i = 0; i < 10; i++) router.publish(agentState('agent-1002', '1002', 'ready'));
    small += 10;

    for (const other of others) {
      await other.until(() => (other.events().length >= small ? true : undefined), 10_000);
      expect(other.events().map((e) => e.seq)).toEqual(Array.from({ length: small }, (_, i) => i + 1));
      expect(other.closed).toBeNull();
    }

    // Once it reads again, the slow client finds the goodbye at the end of its backlog.
    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    const closed = await slow.waitForClose(10_000);
    expect(closed).toEqual({ code: 4008, reason: 'CTI_ERR_SLOW_CONSUMER' });
    expect(slow.frames.at(-1)).toMatchObject({ op: 'bye', closeCode: 4008, code: 'CTI_ERR_SLOW_CONSUMER' });
    const metrics = await fx.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/amiable_gateway_slow_clients_dropped_total 1/);
  }, 60_000);
});
