import { sql } from 'kysely';
import { startPrivatePostgres } from '../../packages/server/test/support/private-postgres.ts';
import { until } from '../lib/agents.ts';
import { startMemberChurn } from '../lib/load.ts';
import { type ChaosScenario, loadAverage } from '../lib/result.ts';
import { startChaosServer } from '../lib/server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));




/**
 * A private PostgreSQL (initdb in a temp dir, spare port) stopped for 60 s (3 s short)
 * while the simulated Asterisk sends 2,000 events/s: every event the server received
 * is archived once, and the backlog drains after the database returns.
 */
export const dbOutage: ChaosScenario = {
  name: 'db-outage',
  async run({ short, log }) {
    const outageMs = short ? 3_000 : 60_000;
    const rate = 2000;
    const pg = await startPrivatePostgres();
    const server = await startChaosServer({ database: { driver: 'postgres', url: pg.url } });
    try {
      const load = startMemberChurn(server.demo!.sim, rate);
      await sleep(short ? 1000 : 5000);
      log(`db-outage: stopping PostgreSQL for ${outageMs / 1000} s under ${rate} events/s`);
      await pg.stop();
      const stoppedAt = Date.now();
      let maxBacklog = 0;
      let degraded = false;
      while (Date.now() - stoppedAt < outageMs) {
        await sleep(500);
        const h = (await server.app.inject({ method: 'GET', url: '/api/health' })).json() as { status: string; storage: { backlog: number } };
        degraded ||= h.status === 'degraded';
        maxBacklog = Math.max(maxBacklog, h.storage.backlog);
      }
      await pg.start();
      server.storage.poke();
      const back = Date.now();
      await sleep(short ? 1000 : 5000);
      load.stop();
      const achieved = load.rate;
      await sleep(300);
      await server.archive.flush();
      await until('the spool drained', () => server.storage.health().backlog === 0 && server.storage.health().status === 'ok', 300_000);
      await server.archive.flush();
      await server.storage.drained(60_000);
      const drainMs = Date.now() - back;
      const count = async (t: 'ami_events' | 'cti_events') =>
        Number((await server.database.db.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      const archived = (await count('ami_events')) + (await count('cti_events'));
      const received = server.archive.stats().accepted;
      const dropped = server.storage.health().dropped;
      const extra = { outage_s: outageMs / 1000, events_per_s: rate, events_per_s_achieved: achieved, load_avg: loadAverage() };
      return [
        { bench: 'chaos.db_outage', metric: 'events_received', value: received, unit: 'events', extra },
        {
          bench: 'chaos.db_outage',
          metric: 'events_archived',
          value: archived,
          unit: 'events',
          target: '== events_received',
          pass: archived === received,
          extra: { ...extra, lost: received - archived },
        },
        { bench: 'chaos.db_outage', metric: 'health_degraded_during_outage', value: degraded ? 1 : 0, target: '== 1', pass: degraded, extra },
        { bench: 'chaos.db_outage', metric: 'max_backlog_records', value: maxBacklog, unit: 'records', extra },
        { bench: 'chaos.db_outage', metric: 'drain_after_return', value: drainMs, unit: 'ms', extra },
        {
          bench: 'chaos.db_outage',
          metric: 'spool_dropped',
          value: dropped.ami + dropped.cti + dropped.records,
          unit: 'records',
          target: '== 0',
          pass: dropped.ami + dropped.cti + dropped.records === 0,
          extra,
        },
      ];
    } finally {
      await server.close();
      await pg.destroy();
    }
  },
};
