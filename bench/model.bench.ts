/**
 * model.reducer and model.resync: the live telephony model (PbxModel).
 *
 * model.reducer: events per second through the reducer. The busy-center
 * transcript (what a real Asterisk 22 sent during a busy queue scenario) is
 * parsed once into field lists; before each run (untimed) fresh AmiMessage
 * objects are built from them, so that the run pays for each message's header
 * index as the live path does; each run applies every event, in order, to a
 * fresh PbxModel.
 * Baselines, same run, same messages: (a) decoding the same bytes with
 * AmiParser (parsing only), (b) iterating the parsed messages and reading their
 * Event field. ratio = reducer events/s / baseline events/s: the first compares
 * the model's cost per event with the decoder's (above 1: reducing a parsed event
 * costs less than decoding it), the second with the bare floor of any loop over
 * the messages. Every run checks the
 * number of DomainChanges and the final model against the first run.
 *
 * model.resync: wall time of the real resync of PbxConnection (the server's AMI
 * connection) over TCP against the simulated PBX with N live calls (500; --quick:
 * 100) and N signed-in agents: 500 endpoints, each a member of a linear queue, N
 * customer calls answered and left up. Each round drops the AMI connection at the
 * PBX; the time runs from the client entering `resyncing` (logged in again) until
 * PbxConnection reports `resynced`: CoreStatus, the five snapshot lists, the model
 * swap and diff, with live events held meanwhile and applied after. Baselines, same
 * run, on a second session to the same PBX: CoreShowChannels alone, and a Ping
 * round trip. ratio = resync / baseline. Every round checks the channel, call,
 * bridge and member counts of the swapped-in model.
 */
import { type AmiClient, AmiMessage, AmiParser, createAmiClient, createTcpTransport } from '@amiable/ami';
import { startSimulatedPbx, type SimulatedPbx } from '@amiable/pbx-sim';
import { loadavg } from 'node:os';
import { PbxConnection } from '../packages/server/src/pbx/pbx-connection.ts';
import { PbxModel } from '../packages/server/src/telephony/index.ts';
import { type BenchModule, type BenchResult, ratioOf } from './lib/result.ts';
import { collectGarbage, median, perSecond, round } from './lib/stats.ts';
import { countMessages, loadTraceBody } from './lib/trace.ts';

const SCENARIO = 'busy-center';
const RESYNC_TARGET_MS = 1000;

/**
 * Repeat `run` until `minMs` has passed (at least `minRuns`), returning each run's wall ms.
 * `prepare` runs before each run, untimed.
 */
function timed(run: () => void, minMs: number, minRuns = 1, prepare?: () => void): number[] {
  const out: number[] = [];
  const started = performance.now();
  while (out.length < minRuns || performance.now() - started < minMs) {
    prepare?.();
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return out;
}

function modelFingerprint(m: PbxModel): string {
  const members = [...m.queues.values()].reduce((n, q) => n + q.members.size, 0);
  return `channels=${m.channels.size} calls=${m.calls.size} bridges=${m.bridges.size} members=${members} devices=${m.devices.size}`;
}

async function reducerBench(quick: boolean, log: (msg: string) => void): Promise<BenchResult[]> {
  const body = loadTraceBody(SCENARIO);
  const expected = countMessages(body);
  const events: AmiMessage[] = [];
  new AmiParser({ message: (m) => m.kind === 'event' && events.push(m) }).push(body);
  if (events.length !== expected.events) throw new Error(`parsed ${events.length} events, expected ${expected.events}`);

  const raw = events.map((m) => ({ fields: [...m.fields], at: m.receivedAt }));
  let fresh: AmiMessage[] = [];
  // New messages for every reducer run: a message read once has its header index built.
  const refresh = (): void => {
    fresh = raw.map((r) => new AmiMessage([...r.fields], r.at));
  };
  let reference: { changes: number; fingerprint: string } | undefined;
  const reduce = (): void => {
    const model = new PbxModel({ pbx: 'bench' });
    let changes = 0;
    for (const m of fresh) changes += model.apply(m, m.receivedAt).length;
    const fingerprint = modelFingerprint(model);
    if (reference === undefined) reference = { changes, fingerprint };
    else if (changes !== reference.changes || fingerprint !== reference.fingerprint) {
      throw new Error(`reducer run differs: ${changes} changes, ${fingerprint}; first run ${reference.changes}, ${reference.fingerprint}`);
    }
  };
  const parse = (): void => {
    let n = 0;
    new AmiParser({ message: (m) => m.kind === 'event' && n++ }).push(body);
    if (n !== expected.events) throw new Error(`parser delivered ${n} events, expected ${expected.events}`);
  };
  const iterate = (): void => {
    let chars = 0;
    for (const m of fresh) chars += (m.get('Event') ?? '').length;
    if (chars !== expected.nameChars) throw new Error(`read ${chars} event-name chars, expected ${expected.nameChars}`);
  };

  const contenders: Array<[string, () => void, (() => void) | undefined]> = [
    ['reducer', reduce, refresh],
    ['parse-only', parse, undefined],
    ['iterate-event-field', iterate, refresh],
  ];
  for (const [, run, prepare] of contenders) timed(run, quick ? 300 : 1500, 3, prepare);
  const runs = new Map<string, number[]>(contenders.map(([label]) => [label, []]));
  const rounds = quick ? 3 : 5;
  for (let r = 1; r <= rounds; r++) {
    for (const [label, run, prepare] of contenders) {
      collectGarbage();
      runs.get(label)!.push(...timed(run, quick ? 300 : 1000, 1, prepare));
    }
    log(`model.reducer round ${r}/${rounds}`);
  }
  const rate = (label: string) => round(perSecond(events.length, median(runs.get(label)!)));
  const ours = rate('reducer');
  const extra = {
    events_per_run: events.length,
    changes_per_run: reference!.changes,
    final_model: reference!.fingerprint,
    reducer_runs: runs.get('reducer')!.length,
    loadavg_1m: round(loadavg()[0] ?? 0, 2),
  };
  log(`model.reducer: ${ours} events/s (${extra.changes_per_run} changes per ${events.length} events)`);
  return (['parse-only', 'iterate-event-field'] as const).map((baseline) => ({
    bench: 'model.reducer',
    metric: 'events_per_s',
    value: ours,
    unit: 'events/s',
    baseline,
    baseline_value: rate(baseline),
    ratio: ratioOf(ours, rate(baseline)),
    extra,
  }));
}

/** A PBX with `calls` answered calls that stay up, each bridged to its own agent. */
async function busyPbx(calls: number, log: (msg: string) => void): Promise<SimulatedPbx> {
  const endpoints = Array.from({ length: calls }, (_, i) => String(2000 + i));
  const sim = await startSimulatedPbx({
    endpoints,
    queues: [{ name: 'support', strategy: 'linear', timeout: 30, retry: 1 }],
    phones: { default: { mode: 'answer', answerAfterMs: 20 } },
    users: [{ username: 'bench', secret: 'bench-secret', read: 'all', write: 'all' }],
    noise: false,
  });
  for (const e of endpoints) sim.addMember('support', e);
  for (let i = 0; i < calls; i++) sim.placeCall({ queue: 'support', callerNumber: `+1555${String(i).padStart(7, '0')}`, callerName: `Caller ${i}` });
  const until = Date.now() + 120_000;
  while (sim.snapshot().bridges.filter((b) => b.channels.length === 2).length < calls) {
    if (Date.now() > until) throw new Error(`only ${sim.snapshot().bridges.length} of ${calls} calls were answered`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`model.resync: ${calls} calls up (${sim.snapshot().channels.length} channels)`);
  return sim;
}

async function resyncBench(quick: boolean, log: (msg: string) => void): Promise<BenchResult[]> {
  const calls = quick ? 100 : 500;
  const sim = await busyPbx(calls, log);
  const baselineClient = (): AmiClient =>
    createAmiClient({
      username: 'bench',
      secret: 'bench-secret',
      auth: 'md5',
      events: 'off',
      keepalive: false,
      reconnect: false,
      transport: () => createTcpTransport({ host: sim.host, port: sim.port }),
    });
  let client = baselineClient();
  let resyncStarted = 0;
  let resynced: ((r: { ms: number; model: PbxModel; changes: number }) => void) | undefined;
  const conn = new PbxConnection({
    config: { id: 'bench', host: sim.host, port: sim.port, username: 'bench', secret: 'bench-secret', authType: 'md5', context: 'internal', deviceTech: 'PJSIP', outboundPrefix: '' },
    keepalive: false,
    listener: {
      resynced: (_pbx, info) => resynced?.({ ms: performance.now() - resyncStarted, model: info.model, changes: info.changes.length }),
    },
  });
  conn.client.onStatus((s) => {
    if (s.to === 'resyncing') resyncStarted = performance.now();
  });
  const nextResync = () => new Promise<{ ms: number; model: PbxModel; changes: number }>((resolve) => (resynced = resolve));
  try {
    await client.connect();
    const check = (m: PbxModel): void => {
      const members = m.queues.get('support')?.members.size ?? 0;
      const ok = m.channels.size === calls * 3 && m.calls.size === calls && m.bridges.size === calls && members === calls;
      if (!ok) throw new Error(`resync built ${modelFingerprint(m)}; expected ${calls * 3} channels, ${calls} calls, bridges and members`);
    };
    // The first resync starts from an empty model; the timed ones from the previous model, as on a reconnect.
    let pending = nextResync();
    await conn.start();
    check((await pending).model);
    const rounds = quick ? 5 : 15;
    const resync: number[] = [];
    const coreShow: number[] = [];
    const ping: number[] = [];
    let changes = 0;
    for (let i = 0; i < rounds + 2; i++) {
      collectGarbage();
      pending = nextResync();
      sim.dropConnections();
      const r = await pending;
      await client.close();
      client = baselineClient();
      await client.connect();
      check(r.model);
      changes = r.changes;
      let t0 = performance.now();
      const list = await client.sendList({ Action: 'CoreShowChannels' });
      const listMs = performance.now() - t0;
      if (list.events.filter((e) => e.event === 'CoreShowChannel').length !== calls * 3) throw new Error('CoreShowChannels lost items');
      t0 = performance.now();
      await client.send({ Action: 'Ping' });
      const pingMs = performance.now() - t0;
      if (i < 2) continue; // warm-up
      resync.push(r.ms);
      coreShow.push(listMs);
      ping.push(pingMs);
    }
    const model = conn.model;
    const ours = round(median(resync), 1);
    const extra = {
      calls,
      channels: model.channels.size,
      bridges: model.bridges.size,
      queue_members: model.queues.get('support')!.members.size,
      changes_on_resync: changes,
      runs: resync.length,
      max_ms: round(Math.max(...resync), 1),
      measured: 'PbxConnection over TCP: resyncing -> resynced (CoreStatus, 5 lists, swap, held events)',
      loadavg_1m: round(loadavg()[0] ?? 0, 2),
    };
    log(`model.resync: median ${ours} ms for ${calls} calls`);
    const result = (baseline: string, baselineMs: number): BenchResult => ({
      bench: 'model.resync',
      metric: 'resync_ms',
      value: ours,
      unit: 'ms',
      baseline,
      baseline_value: round(baselineMs, 2),
      ratio: ratioOf(ours, baselineMs),
      target: `<= ${RESYNC_TARGET_MS} ms with ${calls} live calls`,
      pass: ours <= RESYNC_TARGET_MS,
      extra,
    });
    return [result('CoreShowChannels alone', median(coreShow)), result('Ping round trip', median(ping))];
  } finally {
    await conn.close();
    await client.close();
    await sim.close();
  }
}

const bench: BenchModule = {
  name: 'model',
  async run({ quick, log }) {
    const reducer = await reducerBench(quick, log);
    const resync = await resyncBench(quick, log);
    return [...reducer, ...resync];
  },
};

export default bench;
