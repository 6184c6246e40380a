/**
 * Run the simulated PBX from the command line:
 *
 *   npm run sim -- --port 5038 --agents 6 --rate 0.5 --seed 42
 *   npm run sim -- --port 5038 --replay test/fixtures/ami-traces/screen-pop/received.ami
 *
 * It prints where it listens and the AMI credentials, then runs until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startReplayServer } from './replay/replayer.ts';
import { startSimulatedPbx } from './simulated-pbx.ts';

const USAGE = `Usage: npm run sim -- [options]

  --port <n>          TCP port (default 5038; 0 picks a free one)
  --host <addr>       bind address (default 127.0.0.1)

Simulated Asterisk (default mode):
  --agents <n>        agents signed in by the generator (default 6; 0 = no generator)
  --rate <calls/s>    mean call arrivals per second (default 0.5)
  --talk <ms>         mean talk time (default 60000)
  --patience <ms>     mean caller patience (default 120000)
  --queues <a,b>      queues fed by the generator (default: all)
  --seed <n>          seed for every random choice (default 1)
  --scale <x>         real ms per simulated ms, e.g. 0.1 runs 10x faster (default 1)
  --no-noise          omit VarSet, Newexten, RTCP and Cdr events

Replay a recorded transcript:
  --replay <path>     a trace folder or its received.ami
  --session <name>    recorded session in the folder (default main)
  --fast              no pacing: send everything right after login
  --speed <x>         pacing speed-up factor (default 1)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5038' },
      host: { type: 'string', default: '127.0.0.1' },
      agents: { type: 'string', default: '6' },
      rate: { type: 'string', default: '0.5' },
      talk: { type: 'string', default: '60000' },
      patience: { type: 'string', default: '120000' },
      queues: { type: 'string' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      'no-noise': { type: 'boolean', default: false },
      replay: { type: 'string' },
      session: { type: 'string', default: 'main' },
      fast: { type: 'boolean', default: false },
      speed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  const host = values.host;

  if (values.replay) {
    const server = await startReplayServer({
      transcript: values.replay,
      session: values.session,
      port,
      host,
      pacing: values.fast ? 'fast' : 'recorded',
      speed: Number(values.speed),
    });
    console.log(`Replaying ${values.replay} on ${server.host}:${server.port} (${values.fast ? 'as fast as possible' : `paced x${values.speed}`})`);
    console.log('Log in with any username and secret; the recording starts after the login response.');
    onStop(() => server.close());
    return;
  }

  const pbx = await startSimulatedPbx({
    port,
    host,
    seed: Number(values.seed),
    scale: Number(values.scale),
    noise: !values['no-noise'],
  });
  console.log(`Simulated Asterisk 22.10.1 (AMI 11.0.0) listening on ${pbx.host}:${pbx.port}`);
  for (const u of pbx.users) console.log(`  user ${u.username} / secret ${u.secret}  (read=${u.read} write=${u.write})`);
  const agents = Number(values.agents);
  if (agents > 0) {
    pbx.startGenerator({
      agents,
      rate: Number(values.rate),
      talkTimeMs: { mean: Number(values.talk) },
      patienceMs: Number(values.patience),
      ...(values.queues ? { queues: values.queues.split(',') } : {}),
    });
    console.log(`Generator: ${agents} agents, ${values.rate} calls/s, seed ${values.seed}, scale ${values.scale}`);
  }
  onStop(() => pbx.close());
}

function onStop(close: () => Promise<void>): void {
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
