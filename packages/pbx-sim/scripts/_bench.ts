/**
 * Throughput of the simulated PBX: events per second generated and delivered
 * to 1 and to N AMI sessions (each event is encoded once, whatever N is).
 *
 *   npx tsx packages/pbx-sim/scripts/bench-events.ts [--seconds 5] [--sessions 20] [--rate 50] [--no-noise]
 *
 * The generator runs in real time with 400 agents answering within 0.5–2 s and
 * 10 s talk times; `--rate` is the number of new calls per second.
 */
import { connect } from 'node:net';
import { startSimulatedPbx } from '../src/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? def : Number(args[i + 1]);
};
const seconds = arg('seconds', 5);
const rate = arg('rate', 50);
const sessions = arg('sessions', 20);
const noise = !args.includes('--no-noise');

async function run(n: number): Promise<{ events: number; perSecond: number; mbPerSession: number }> {
  const endpoints = Array.from({ length: 400 }, (_, i) => String(3000 + i));
  const pbx = await startSimulatedPbx({ endpoints, noise, seed: 1 });
  const received: number[] = [];
  const sockets = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<ReturnType<typeof connect>>((resolve) => {
        received[i] = 0;
        const s = connect(pbx.port, '127.0.0.1', () => {
          s.write('Action: Login\r\nUsername: cti\r\nSecret: ctisecret\r\nEvents: on\r\n\r\n');
          resolve(s);
        });
        s.on('data', (b: Buffer) => (received[i]! += b.length));
      }),
    ),
  );
  await new Promise((r) => setTimeout(r, 100));
  const before = pbx.eventsEmitted;
  const started = Date.now();
  pbx.startGenerator({
    agents: 400,
    queuesPerAgent: 2,
    rate,
    talkTimeMs: { mean: 10_000, stdDev: 3000 },
    patienceMs: 60_000,
    answerDelayMs: { min: 500, max: 2000 },
  });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const events = pbx.eventsEmitted - before;
  const elapsed = (Date.now() - started) / 1000;
  for (const s of sockets) s.destroy();
  await pbx.close();
  return { events, perSecond: Math.round(events / elapsed), mbPerSession: Math.round((received[0]! / 1e6) * 10) / 10 };
}

const one = await run(1);
console.log(`1 session : ${one.perSecond} events/s (${one.events} events, ${one.mbPerSession} MB received)`);
const many = await run(sessions);
console.log(`${sessions} sessions: ${many.perSecond} events/s (${many.events} events, ${many.mbPerSession} MB received by each)`);
console.log(`ratio ${sessions} sessions / 1 session: ${(many.perSecond / one.perSecond).toFixed(2)}`);
