import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';

interface Outage {
  name: string;
  database: () => Record<string, unknown>;
  fail(server: TestServer): Promise<void>;
  recover(server: TestServer): Promise<void>;
}

let pgServer: PrivatePostgres | undefined;

const outages: Outage[] = [
  {
    name: 'PostgreSQL (a private instance) stopped and started again',
    database: () => ({ driver: 'postgres', url: pgServer!.url }),
    fail: () => pgServer!.stop(),
    recover: async (server) => {
      await pgServer!.start();
      server.storage.poke();
    },
  },
  {
    name: 'SQLite refusing every write (query_only) and then accepting them again',
    database: () => ({ driver: 'sqlite' }),
    fail: async (server) => {
      server.database.sqlite!.pragma('query_only = 1');
    },
    recover: async (server) => {
      server.database.sqlite!.pragma('query_only = 0');
      server.storage.poke();
    },
  },
];

async function health(server: TestServer) {
  const res = await server.app.inject({ method: 'GET', url: '/api/health' });
  return res.json() as { status: string; storage: { status: string; backlog: number; dropped: Record<string, number> } };
}

async function metric(server: TestServer, name: string): Promise<number> {
  const text = (await server.app.inject({ method: 'GET', url: '/metrics' })).body;
  let sum = 0;
  for (const line of text.split('\n')) if (line.startsWith(name)) sum += Number(line.split(' ').at(-1));
  return sum;
}

async function count(server: TestServer, table: 'ami_events' | 'cti_events' | 'call_records'): Promise<number> {
  const row = await server.database.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('no write is lost while the database is away', () => {
  beforeAll(async () => {
    pgServer = await startPrivatePostgres();
  });
  afterAll(async () => {
    await pgServer?.destroy();
  });

  for (const outage of outages) {
    it(`${outage.name}: archive, call records, timesheet and presence all land once, and health says so meanwhile`, async () => {
      const server = await startTestServer({ database: outage.database(), wrapup: { seconds: 0 } });
      try {
        const alice = await userId(server, 'alice');
        await server.agents.signIn(alice, {});
        await server.agents.pause(alice, 'lunch');
        const sim = server.demo!.sim;
        sim.setPhone('1001', { mode: 'answer', answerAfterMs: 50 });
        await server.archive.flush();
        expect((await health(server)).status).toBe('ok');

        await outage.fail(server);
        // Alice comes back from lunch and takes three calls while the database is away.
        await server.agents.ready(alice);
        const calls = 3;
        for (let i = 0; i < calls; i++) {
          sim.placeCall({ queue: 'lang-en', callerNumber: `+4420794600${10 + i}`, callerName: `Caller ${i}`, talkMs: 100 });
          await waitFor(`call ${i} ended`, () => sim.snapshot().channels.length === 0);
        }
        await waitFor('the CTI side saw the calls end', () => server.agents.get(alice)?.state === 'ready');
        await server.archive.flush();
        const during = await health(server);
        expect(during.status).toBe('degraded');
        expect(during.storage.status).toBe('spooling');
        expect(during.storage.backlog).toBeGreaterThan(0);
        expect(await metric(server, 'amiable_spool_backlog_records')).toBeGreaterThan(0);
        expect(await metric(server, 'amiable_spool_spooling')).toBeGreaterThan(0);

        await outage.recover(server);
        await waitFor('spool drained', () => server.storage.health().status === 'ok' && server.storage.health().backlog === 0, 30_000);
        await server.archive.flush();
        expect(await server.storage.drained(10_000)).toBe(true);
        expect((await health(server)).status).toBe('ok');

        // Archived == received: every event accepted by the archive is in the database once.
        const stats = server.archive.stats();
        expect(stats.dropped).toEqual({ overflow: 0, failed: 0, closed: 0 });
        expect((await count(server, 'ami_events')) + (await count(server, 'cti_events'))).toBe(stats.accepted);
        expect(await count(server, 'call_records')).toBe(calls);
        const intervals = await server.repos.timesheet.listIntervals({ agentId: alice });
        expect(intervals.map((i) => i.state)).toContain('on-call');
        expect(intervals.filter((i) => i.to === null)).toHaveLength(1);
        expect(intervals.find((i) => i.state === 'paused')?.to).not.toBeNull();
        const presence = await server.repos.agentPresence.list();
        expect(presence).toEqual([expect.objectContaining({ agentId: alice, state: 'ready', reason: null })]);
        expect(server.storage.health().dropped).toEqual({ ami: 0, cti: 0, records: 0 });
      } finally {
        await server.close();
      }
    });
  }
});
