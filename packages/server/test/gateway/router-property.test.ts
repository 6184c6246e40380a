import { EVENT_CATALOGUE, type EventScope, ROLE_PERMISSIONS, type SubscriptionFilter } from '@amiable/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type PublishedEvent } from '../../src/gateway/index.ts';
import type { Principal } from '../../src/identity/index.ts';
import { FakeTransport } from './helpers/fake-transport.ts';

const EXTENSIONS = ['1001', '1002', '1003', '1004'];
const AGENTS = ['a1', 'a2', 'a3', 'a4'];
const QUEUES = ['lang-en', 'lang-fr', 'lang-de'];
const TYPES = [...Object.keys(EVENT_CATALOGUE), 'call.recorded', 'agent.teleported'];

const subset = <T>(values: T[]) => fc.subarray(values);

const principalArb = fc.record({
  role: fc.constantFrom('agent', 'supervisor', 'admin', 'integration') as fc.Arbitrary<Principal['role']>,
  agentId: fc.option(fc.constantFrom(...AGENTS), { nil: undefined }),
  extensions: subset(EXTENSIONS),
  queues: subset(QUEUES),
  agents: subset(AGENTS),
});

const filterArb: fc.Arbitrary<SubscriptionFilter | undefined> = fc.option(
  fc.record(
    {
      extensions: subset(EXTENSIONS),
      agents: subset(AGENTS),
      queues: subset(QUEUES),
      types: subset(TYPES),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const scopeArb: fc.Arbitrary<EventScope> = fc.record(
  { extension: fc.constantFrom(...EXTENSIONS), agent: fc.constantFrom(...AGENTS), queue: fc.constantFrom(...QUEUES) },
  { requiredKeys: [] },
);

type RoutedEvent = PublishedEvent & { expectedScope: EventScope };

/**
 * Events with an explicit scope, or with the scope left to be read from the payload. Only the
 * scope fields are filled in (and some types are undeclared), so they are cast: routing is under
 * test here, not payloads.
 */
const eventArb: fc.Arbitrary<RoutedEvent> = fc
  .record({ type: fc.constantFrom(...TYPES), scope: scopeArb, explicit: fc.boolean() })
  .map(({ type, scope, explicit }) => {
    const def = EVENT_CATALOGUE[type as keyof typeof EVENT_CATALOGUE];
    if (explicit || !def) return { type, at: 't', scope, payload: {}, expectedScope: scope } as unknown as RoutedEvent;
    const payload: Record<string, string> = {};
    const expectedScope: EventScope = {};
    for (const [key, field] of Object.entries(def.scopeFields) as [keyof EventScope, string][]) {
      const value = scope[key];
      if (value !== undefined) {
        payload[field] = value;
        expectedScope[key] = value;
      }
    }
    return { type, at: 't', payload, expectedScope } as unknown as RoutedEvent;
  });

/** The visibility rule written out plainly, independent of the router's index. */
function maySee(p: Principal, filter: SubscriptionFilter | undefined, type: string, scope: EventScope): boolean {
  const def = EVENT_CATALOGUE[type as keyof typeof EVENT_CATALOGUE];
  if (!def) return false;
  const perms: readonly string[] = ROLE_PERMISSIONS[p.role];
  if (!perms.includes(def.permission)) return false;
  if (filter?.types && !filter.types.includes(type)) return false;
  const keyed = (['extension', 'agent', 'queue'] as const).filter((k) => scope[k] !== undefined);
  if (keyed.length === 0) return true;
  const keyFilter = filter?.extensions || filter?.agents || filter?.queues;
  return keyed.some((k) => {
    const value = scope[k]!;
    const reach =
      k === 'extension' ? p.extensions : k === 'queue' ? p.queues : [...p.agents, ...(p.agentId ? [p.agentId] : [])];
    if (p.role !== 'admin' && !reach.includes(value)) return false;
    const extra = def.keyPermissions?.[k];
    if (extra && !perms.includes(extra)) return false;
    if (!keyFilter) return true;
    const wanted = k === 'extension' ? filter?.extensions : k === 'queue' ? filter?.queues : filter?.agents;
    return (wanted ?? []).includes(value);
  });
}

describe('router delivery', () => {
  it('gives every client exactly the events it may see, in order (0 leaks, 0 misses)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ principal: principalArb, filter: filterArb }), { minLength: 1, maxLength: 12 }),
        fc.array(eventArb, { maxLength: 60 }),
        (clients, events) => {
          const router = createRouter({ clock: { now: () => 0 } });
          const opened = clients.map((c, i) => {
            const principal: Principal = { userId: `u${i}`, username: `u${i}`, teams: [], via: 'token', ...c.principal };
            const transport = new FakeTransport();
            const { stream } = router.connect({ principal, transport, ...(c.filter ? { filter: c.filter } : {}) });
            stream.start();
            return { principal, filter: c.filter, transport };
          });
          events.forEach((event, n) => {
            router.publish({ ...event, at: String(n) });
          });
          for (const client of opened) {
            const expected = events
              .map((e, n) => ({ e, n }))
              .filter(({ e }) => maySee(client.principal, client.filter, e.type, e.expectedScope))
              .map(({ n }) => String(n));
            const got = client.transport.events();
            expect(got.map((f) => (f as unknown as { at: string }).at)).toEqual(expected);
            expect(got.map((f) => f.seq)).toEqual(expected.map((_, i) => i + 1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
