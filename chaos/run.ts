/**
 * The fault suite: `npm run chaos -- [--short] [--only <name>]`. Drives the real server,
 * the simulated PBX and real databases with real sockets, one scenario after the other,
 * and prints one JSON line per figure (bench shape) on stdout; progress goes to stderr.
 * Exits non-zero when a figure misses its target or a scenario fails.
 */
import { amiDrops } from './scenarios/ami-drops.ts';
import { asteriskRestart } from './scenarios/asterisk-restart.ts';
import { clientResume } from './scenarios/client-resume.ts';
import { crash } from './scenarios/crash.ts';
import { dbOutage } from './scenarios/db-outage.ts';
import { fuzz } from './scenarios/fuzz.ts';
import type { ChaosScenario } from './lib/result.ts';

export const SCENARIOS: ChaosScenario[] = [amiDrops, asteriskRestart, dbOutage, clientResume, crash, fuzz];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const log = (msg: string) => process.stderr.write(`${msg}\n`);
  let failed = 0;
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
    const started = Date.now();
    log(`chaos: ${scenario.name}${short ? ' (short)' : ''}`);
    try {
      for (const r of await scenario.run({ short, log })) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
        if (r.pass === false) failed++;
      }
    } catch (err) {
      failed++;
      log(`chaos: ${scenario.name} FAILED: ${(err as Error).stack ?? String(err)}`);
    }
    log(`chaos: ${scenario.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
