import { EVENT_CATALOGUE, type EventScope, type SubscriptionFilter } from '@amiable/protocol';
import fc from 'fast-check';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsBus, type NatsBus } from '../../src/cluster/nats-bus.ts';
import { createRouter, type PublishedEvent } from '../../src/gateway/index.ts';
import type { Principal } from '../../src/identity/index.ts';
import { FakeTransport } from '../gateway/helpers/fake-transport.ts';
import { type NatsCluster, startNatsCluster } from '../support/nats-cluster.ts';

const PBXS = ['main', 'east'];
const EXTENSIONS = ['1001', '1002', '1003'];
const AGENTS = ['a1', 'a2', 'a3'];
const QUEUES = ['lang-en', 'lang-fr'];
const TYPES = Object.keys(EVENT_CATALOGUE);
const NODES = 3;

const subset = <T>(values: T[]) => fc.subarray(values);
const principalArb = fc.record({
  role: fc.constantFrom('agent', 'supervisor', 'admin', 'integration') as fc.Arbitrary<Principal['role']>,
  agentId: fc.option(fc.constantFrom(...AGENTS), { nil: undefined }),
  extensions: subset(EXTENSIONS),
  queues: subset(QUEUES),
  agents: subset(AGENTS),
});
const filterArb: fc.Arbitrary<SubscriptionFilter | undefined> = fc.option(
  fc.record({ extensions: subset(EXTENSIONS), agents: subset(AGENTS), queues: subset(QUEUES), types: subset(TYPES) }, { requiredKeys: [] }),
  { nil: undefined },
);
const scopeArb: fc.Arbitrary<EventScope> = fc.record(
  { extension: fc.constantFrom(...EXTENSIONS), agent: fc.constantFrom(...AGENTS), queue: fc.constantFrom(...QUEUES) },
  { requiredKeys: [] },
);
/** Only the routing fields are filled in: routing is under test here, not payloads. */
const eventArb = fc.record({ type: fc.constantFrom(...TYPES), pbx: fc.constantFrom(...PBXS), scope: scopeArb, owner: fc.nat(NODES - 1) });
const clientArb = fc.record({ principal: principalArb, filter: filterArb, node: fc.nat(NODES - 1) });

const seen = (t: FakeTransport) => t.events().map((f) => (f as unknown as { at: string }).at);
/** A node numbers a client's events in increasing order (its own sequence or the stream's). */
const increasing = (t: FakeTransport) => t.events().every((f, i, all) => i === 0 || f.seq > all[i - 1]!.seq);

/**
 * The router's property across nodes: events published by the owners of two PBXs go through a
 * real three-server NATS cluster to every node's router, and each client, on whichever node,
 * gets exactly what the same client gets from one router fed the same events (a single node),
 * in the same order.
 */
describe('the router across three nodes on NATS JetStream', () => {
  let nats: NatsCluster;
  const conns: NatsConnection[] = [];
  const buses: NatsBus[] = [];
  let routers: Array<ReturnType<typeof createRouter>> = [];
  let reference: ReturnType<typeof createRouter>;
  let received: number[] = [];

  beforeAll(async () => {
    nats = await startNatsCluster(3);
    const log = { warn: () => undefined, error: (o: object, m?: string) => console.error(m, o) };
    for (let i = 0; i < NODES; i++) {
      const nc = await connect({ servers: nats.urls[i]! });
      conns.push(nc);
      const bus = await createNatsBus({ nc, pbxs: PBXS, retentionSeconds: 60, replicas: 3, log });
      buses.push(bus);
      bus.subscribeCti((event) => {
        received[i] = (received[i] ?? 0) + 1;
        routers[i]?.publish(event);
        // The single node of the comparison hears the stream as node 0 does.
        if (i === 0) reference.publish(event);
      });
    }
  }, 60_000);
  afterAll(async () => {
    for (const b of buses) await b.close();
    for (const c of conns) await c.close();
    await nats?.stop();
  }, 30_000);

  it('gives every client on every node exactly what one node would give it (0 leaks, 0 misses, same order)', async () => {
    let run = 0;
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(clientArb, { minLength: 1, maxLength: 10 }), fc.array(eventArb, { minLength: 1, maxLength: 40 }), async (clients, events) => {
        run++;
        routers = buses.map(() => createRouter({ clock: { now: () => 0 } }));
        reference = createRouter({ clock: { now: () => 0 } });
        received = buses.map(() => 0);
        const opened = clients.map((c, i) => {
          const principal: Principal = { userId: `u${i}`, username: `u${i}`, teams: [], via: 'token', ...c.principal };
          const open = (router: ReturnType<typeof createRouter>) => {
            const transport = new FakeTransport();
            router.connect({ principal, transport, ...(c.filter ? { filter: c.filter } : {}) }).stream.start();
            return transport;
          };
          return { onNode: open(routers[c.node]!), alone: open(reference) };
        });
        // Each PBX's owner publishes its events, in order, from its own connection.
        events.forEach((e, n) => {
          const event = { type: e.type, at: `${run}-${n}`, pbx: e.pbx, scope: e.scope, payload: {} } as unknown as PublishedEvent;
          buses[e.owner]!.publishCti(event);
        });
        const until = Date.now() + 20_000;
        while (received.some((r) => r < events.length) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
        expect(received).toEqual(buses.map(() => events.length));
        // Let the transports' microtasks run.
        await new Promise((r) => setTimeout(r, 0));
        for (const c of opened) {
          expect(seen(c.onNode)).toEqual(seen(c.alone));
          expect(increasing(c.onNode)).toBe(true);
          delivered += seen(c.onNode).length;
        }
      }),
      { numRuns: 40 },
    );
    // The comparison is not vacuous: clients did get events.
    expect(delivered).toBeGreaterThan(100);
  }, 120_000);
});
