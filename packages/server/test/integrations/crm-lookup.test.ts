import type { CtiEvent } from '@amiable/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from '../support/event-log.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';
import { startFakeCrm } from './support/fake-crm.ts';

type Ringing = Extract<CtiEvent, { type: 'call.ringing' }>;

const JANE = '+15551234567'; // in the demo directory: Jane Customer, no company, no link
const ADA = '+442079460018'; // unknown to the directory
const SILENT = '+33612340001';
const LATE = '+33612340002';
const BROKEN = '+33612340003';

describe('CRM lookup for the screen pop, merged with the directory (simulated PBX, a CRM on a real port)', () => {
  let server: TestServer;
  let crm: Awaited<ReturnType<typeof startFakeCrm>>;
  let log: ReturnType<typeof recordEvents>;

  beforeAll(async () => {
    crm = await startFakeCrm({
      '+15551234567': { kind: 'answer', body: [{ id: 'C-1', name: 'Jane C. in the CRM', company: 'Acme Ltd', url: 'https://crm.example/c/1' }] },
      '+442079460018': { kind: 'answer', body: [{ id: 'C-42', name: 'Ada Lovelace', company: 'Analytical Engines', language: 'en', url: 'https://crm.example/c/42' }] },
      '+33612340001': { kind: 'silent' },
      '+33612340002': { kind: 'late', body: [{ id: 'C-7', name: 'Marie Curie', company: 'Radium Institute', url: 'https://crm.example/c/7' }] },
      '+33612340003': { kind: 'answer', status: 500, body: { error: 'down' } },
    });
    server = await startTestServer({
      crmLookup: { urlTemplate: crm.urlTemplate, headers: { authorization: 'Bearer crm-token' }, timeoutMs: 300, lateTimeoutMs: 20_000 },
    });
    await server.agents.signIn(await userId(server, 'alice'), { extension: '1001' });
    server.demo!.sim.setPhone('1001', { mode: 'noanswer' });
    log = recordEvents(server);
  });
  afterAll(async () => {
    log?.stop();
    await crm?.close();
    await server?.close();
  });

  const ringingsOf = (number: string) => log.of('call.ringing').filter((e) => e.payload.callerNumber === number);
  /** Rings alice with a caller, and once the test is done with it, waits until the caller gave up. */
  const ring = async (number: string, check: (first: Ringing) => Promise<void>) => {
    server.demo!.sim.placeCall({ queue: 'support', callerNumber: number, patienceMs: 1500 });
    const first = await waitFor(`the pop of ${number}`, () => ringingsOf(number)[0]);
    await check(first);
    // Nobody answers: the caller leaves the queue and the pop closes.
    await waitFor('the pop closed', () => log.of('call.dismissed').some((e) => e.payload.callId === first.payload.callId));
  };

  it('the directory wins: a known caller keeps the directory’s name, the CRM fills company and link', async () => {
    await ring(JANE, async (first) => {
      expect(first.payload.customer).toMatchObject({ name: 'Jane Customer', company: 'Acme Ltd', externalUrl: 'https://crm.example/c/1' });
      expect(first.payload.customer!.id).not.toMatch(/^crm:/);
      expect(crm.requests.find((r) => r.phone === JANE)?.headers.authorization).toBe('Bearer crm-token');
    });
  });

  it('a caller only the CRM knows pops with the CRM’s contact', async () => {
    await ring(ADA, async (first) => {
      expect(first.payload.customer).toEqual({ id: 'crm:C-42', name: 'Ada Lovelace', company: 'Analytical Engines', language: 'en', externalUrl: 'https://crm.example/c/42' });
    });
  });

  it('a CRM that never answers does not hold the ringing event: it goes out without a customer while the request is still open', async () => {
    await ring(SILENT, async (first) => {
      expect(first.payload.customer).toBeNull();
      const request = crm.requests.find((r) => r.phone === SILENT);
      expect(request).toBeDefined();
      expect(request!.answeredAt).toBeNull();
      expect(ringingsOf(SILENT)).toHaveLength(1);
    });
  });

  it('a CRM answering after the timeout updates the pop: the same call rings again at the same extension, with the customer', async () => {
    await ring(LATE, async (first) => {
      expect(first.payload.customer).toBeNull();
      expect(crm.requests.find((r) => r.phone === LATE)?.answeredAt).toBeNull();
      crm.release(LATE);
      const update = await waitFor('the updated pop', () => ringingsOf(LATE)[1]);
      expect(update.payload).toMatchObject({ callId: first.payload.callId, extension: first.payload.extension, queue: 'support' });
      expect(update.payload.customer).toMatchObject({ id: 'crm:C-7', name: 'Marie Curie', company: 'Radium Institute' });
      const order = log.events.filter((e) => 'callId' in e.payload && e.payload.callId === first.payload.callId).map((e) => e.type);
      expect(order.slice(0, 2)).toEqual(['call.ringing', 'call.ringing']);
    });
  });

  it('a failing CRM is logged and counted in /metrics; the pop goes with the directory only', async () => {
    await ring(BROKEN, async (first) => {
      expect(first.payload.customer).toBeNull();
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/amiable_crm_lookups_total\{outcome="error"\} 1/);
    expect(metrics).toMatch(/amiable_crm_lookups_total\{outcome="found"\} [1-9]/);
    expect(metrics).toMatch(/amiable_crm_late_answers_total [1-9]/);
  });
});
