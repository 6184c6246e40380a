/**
 * Throughput of the simulated PBX: events per second generated and delivered
 * to 1 and to N AMI sessions (each event is encoded once, whatever N is).
 *
 *   npx tsx packages/pbx-sim/scripts/bench-events.ts [--seconds 5] [--sessions 20] [--no-noise]
 */
import { connect } from 'node:net';
import { startSimulatedPbx } from '../src/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? def : Number(args[i + 1]);
};
const seconds = arg('seconds', 5);
const sessions = arg('sessions', 20);
const noise = !args.includes('--no-noise');

async function run(n: number): Promise<{ events: number; perSecond: number; mbPerSession: number }> {
  const endpoints = Array.from({ length: 200 }, (_, i) => String(3000 + i));
  const pbx = await startSimulatedPbx({ endpoints, noise, scale: 0.01, seed: 1 });
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
  pbx.startGenerator({ agents: 200, queuesPerAgent: 2, rate: 40, talkTimeMs: { mean: 30_000 }, patienceMs: 60_000 });
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
