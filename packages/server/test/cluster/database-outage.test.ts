import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import type { ClusterNode } from '../support/cluster-nodes.ts';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.ts';
import { type ClusterFixture, command, login, ownerOf, startClusterFixture } from './cluster-fixture.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writerLag(node: ClusterNode): Promise<number | undefined> {
  return (await node.health().catch(() => undefined))?.node?.writerLag;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('cluster writes through the write stream while the database goes away', () => {
  let pg: PrivatePostgres;
  let fx: ClusterFixture;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    fx = await startClusterFixture({ nodes: 3, pbxs: ['main'], pgUrl: pg.url });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await pg?.destroy();
  }, 60_000);

  it('calls during a PostgreSQL outage, then a kill -9 of the owner while the backlog drains: every row lands once', async () => {
    const owner = await ownerOf(fx.nodes, 'main');
    const survivors = fx.nodes.filter((n) => n !== owner);
    const sim = fx.sims[0]!;
    const token = await login(owner, 'alice');
    expect((await command(owner, token, 'agent.signIn', {})).status).toBe(200);
    const watcher = await TestClient.connect(`${survivors[0]!.url.replace('http', 'ws')}/api/ws`, await login(survivors[0]!, 'sam'));
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    await until('the sign-in written', async () => (await writerLag(owner)) === 0, 10_000);

    await pg.stop();
    const stoppedAt = Date.now();
    const callers = ['+15558880001', '+15558880002', '+15558880003'];
    for (const [i, callerNumber] of callers.entries()) {
      sim.placeCall({ queue: 'lang-en', callerNumber, callerName: 'Outage Caller', talkMs: 300 });
      await until(`call ${i + 1} ended`, async () => watcher.events('call.ended').length > i, 15_000);
    }
    // The writes wait in the stream: the writer lags, on every node's health.
    const lagged = (await writerLag(survivors[1]!)) ?? 0;
    expect(lagged).toBeGreaterThan(0);
    await sleep(Math.max(0, 4000 - (Date.now() - stoppedAt)));
    await pg.start();
    // Kill the owner as soon as the backlog starts draining.
    await until('the backlog draining', async () => ((await writerLag(survivors[1]!)) ?? lagged) < lagged, 20_000);
    owner.signal('SIGKILL');
    await owner.exited;
    await ownerOf(survivors, 'main', 10_000);
    await until('the writer caught up', async () => (await writerLag(survivors[0]!)) === 0, 30_000);
    watcher.ws.close();

    const db = fx.handle.db;
    const records = await db.selectFrom('call_records').select(['linkedid', 'caller_number', 'ended_at']).where('caller_number', 'in', callers).execute();
    expect(records.map((r) => r.caller_number).sort()).toEqual(callers);
    for (const r of records) expect(r.ended_at).not.toBeNull();
    const sessions = await db.selectFrom('agent_sessions').select(['id']).execute();
    expect(sessions.length).toBe(1);
    const intervals = await db.selectFrom('agent_state_intervals').select(['id', 'state', 'from_at']).where('session_id', '=', sessions[0]!.id).execute();
    expect(intervals.length).toBeGreaterThan(1);
    expect(new Set(intervals.map((i) => `${i.state}@${i.from_at}`)).size).toBe(intervals.length);
    const linkedids = records.map((r) => r.linkedid);
    const ami = await db.selectFrom('ami_events').select(['linkedid']).where('linkedid', 'in', linkedids).execute();
    for (const id of linkedids) expect(ami.some((a) => a.linkedid === id)).toBe(true);
    // A CTI archive batch written twice would repeat its events (same type, time and payload).
    // (Raw AMI rows may repeat legitimately: Asterisk sends identical VarSet events in the same millisecond.)
    const cti = await sql<{ rows: number; distinct: number }>`SELECT count(*)::int AS rows, count(DISTINCT (type, at, pbx, payload))::int AS distinct FROM cti_events`.execute(db);
    console.log(JSON.stringify(cti.rows));
    expect(cti.rows[0]!.rows).toBeGreaterThan(0);
    expect(cti.rows[0]!.rows).toBe(cti.rows[0]!.distinct);
    console.log(`writer lag during the outage: ${lagged}; ami rows for the calls: ${ami.length}`);
  }, 90_000);
});
