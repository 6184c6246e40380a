/**
 * Benchmark harness: `npm run bench -- [--json] [--quick] [--only <substring>]`.
 *
 * Discovers bench/*.bench.ts, runs each module in its own child process, one
 * after the other, and prints a table (or, with --json, one JSON object per
 * result line and nothing else on stdout). Exits non-zero when a module
 * fails; a missed target is reported but does not fail the run.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, type HarnessArgs } from './lib/args.ts';
import { discoverBenchFiles, matchesOnly } from './lib/discover.ts';
import type { BenchResult } from './lib/result.ts';
import { toJsonLine } from './lib/result.ts';
import { runInChild } from './lib/spawn.ts';
import { describeMisses, renderTable } from './lib/table.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

async function main(args: HarnessArgs): Promise<number> {
  const files = discoverBenchFiles(BENCH_DIR).filter((f) => matchesOnly(f, args.only));
  if (files.length === 0) {
    log(args.only.length > 0 ? `no bench file matches --only ${args.only.join(', ')}` : 'no bench files found');
    return 1;
  }
  log(`bench: ${files.length} module(s)${args.quick ? ' (quick)' : ''}: ${files.map((f) => f.id).join(', ')}`);

  const all: BenchResult[] = [];
  const failures: string[] = [];
  for (const file of files) {
    log(`bench: running ${file.id}`);
    const outcome = await runInChild({ file: file.path, quick: args.quick, timeoutMs: args.timeoutMs });
    const seconds = (outcome.ms / 1000).toFixed(1);
    if (!outcome.ok) {
      failures.push(`${file.id}: ${outcome.error}`);
      log(`bench: FAILED ${file.id} after ${seconds} s\n${outcome.error}`);
      continue;
    }
    log(`bench: ${file.id} done in ${seconds} s, ${outcome.results.length} result(s)`);
    for (const r of outcome.results) {
      all.push(r);
      // Stream JSON lines as they come, so a long run shows progress.
      if (args.json) process.stdout.write(`${toJsonLine(r)}\n`);
    }
  }

  const misses = describeMisses(all);
  if (!args.json) {
    process.stdout.write(`\n${renderTable(all)}\n`);
    if (misses.length > 0) process.stdout.write(`\n${misses.join('\n')}\n`);
    if (failures.length > 0) process.stdout.write(`\nFAILED MODULES\n${failures.map((f) => `  ${f.split('\n')[0]}`).join('\n')}\n`);
  } else {
    for (const m of misses) log(m);
  }
  if (failures.length > 0) log(`bench: ${failures.length} module(s) failed`);
  return failures.length > 0 ? 1 : 0;
}

let args: HarnessArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  log(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  log(USAGE);
  process.exit(0);
}
main(args).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    log(`bench: harness error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
