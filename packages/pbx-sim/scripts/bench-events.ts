/**
 * Throughput of the simulated PBX: events per second generated and delivered
 * to 1 and to N AMI sessions. Each event is encoded once, whatever N is; the
 * readers run in a worker thread so that they do not compete with the PBX for
 * its event loop.
 *
 *   npx tsx packages/pbx-sim/scripts/bench-events.ts [--seconds 5] [--sessions 20] [--rate 40] [--no-noise]
 *
 * The generator runs in real time with 400 agents answering within 0.5–2 s and
 * 10 s talk times; `--rate` is the number of new calls per second.
 */
import { Worker } from 'node:worker_threads';
import { startSimulatedPbx } from '../src/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? def : Number(args[i + 1]);
};
const seconds = arg('seconds', 5);
const sessions = arg('sessions', 20);
const rate = arg('rate', 40);
const noise = !args.includes('--no-noise');

const READERS = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const bytes = [];
const sockets = [];
for (let i = 0; i < workerData.n; i++) {
  bytes[i] = 0;
  const s = net.connect(workerData.port, '127.0.0.1', () => {
    s.write('Action: Login\\r\\nUsername: cti\\r\\nSecret: ctisecret\\r\\nEvents: on\\r\\n\\r\\n');
  });
  s.on('data', (b) => { bytes[i] += b.length; });
  sockets.push(s);
}
parentPort.on('message', (m) => {
  if (m === 'stop') { for (const s of sockets) s.destroy(); parentPort.postMessage(bytes); }
});
setTimeout(() => parentPort.postMessage('ready'), 200);
`;

async function run(n: number): Promise<{ perSecond: number; deliveredMbPerSecond: number; minShare: number }> {
  const endpoints = Array.from({ length: 400 }, (_, i) => String(3000 + i));
  const pbx = await startSimulatedPbx({ endpoints, noise, seed: 1 });
  let totalBytes = 0;
  pbx.tap({ onEvent: (e) => (totalBytes += e.text.length) });
  const worker = new Worker(READERS, { eval: true, workerData: { port: pbx.port, n } });
  await new Promise((resolve) => worker.once('message', resolve));
  const before = pbx.eventsEmitted;
  const bytesBefore = totalBytes;
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
  pbx.stopGenerator();
  const elapsed = (Date.now() - started) / 1000;
  const events = pbx.eventsEmitted - before;
  const produced = totalBytes - bytesBefore;
  await new Promise((r) => setTimeout(r, 500));
  worker.postMessage('stop');
  const got: number[] = await new Promise((resolve) => worker.once('message', resolve));
  await worker.terminate();
  await pbx.close();
  const min = Math.min(...got);
  return {
    perSecond: Math.round(events / elapsed),
    deliveredMbPerSecond: Math.round((got.reduce((a, b) => a + b, 0) / 1e6 / elapsed) * 10) / 10,
    minShare: Math.round((min / Math.max(1, produced)) * 100),
  };
}

const one = await run(1);
console.log(`1 session  : ${one.perSecond} events/s, ${one.deliveredMbPerSecond} MB/s delivered, slowest session got ${one.minShare}% of the stream`);
const many = await run(sessions);
console.log(`${sessions} sessions: ${many.perSecond} events/s, ${many.deliveredMbPerSecond} MB/s delivered, slowest session got ${many.minShare}% of the stream`);
console.log(`events/s ratio ${sessions} sessions / 1 session: ${(many.perSecond / one.perSecond).toFixed(2)}`);
