/**
 * Child-process entry: loads one bench module, runs it, and sends its results
 * to the harness over the IPC channel. Started by bench/run.ts as
 * `node --import tsx --expose-gc bench/lib/child.ts <file> [--quick]`.
 */
import { pathToFileURL } from 'node:url';
import { invalidResultReason, isBenchModule, type BenchResult } from './result.ts';

export type ChildMessage =
  | { type: 'results'; name: string; results: BenchResult[] }
  | { type: 'error'; name: string; message: string };

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
      process.stderr.write(`${JSON.stringify(message)}\n`);
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

async function main(): Promise<number> {
  const file = process.argv[2];
  const quick = process.argv.includes('--quick');
  if (file === undefined) {
    await send({ type: 'error', name: '?', message: 'no bench file given' });
    return 2;
  }
  let name = file;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (!isBenchModule(mod.default)) {
      throw new Error(`${file} must default-export { name: string, run(opts): Promise<BenchResult[]> }`);
    }
    const bench = mod.default;
    name = bench.name;
    const log = (msg: string): void => {
      process.stderr.write(`[${name}] ${msg}\n`);
    };
    const results = await bench.run({ quick, log });
    if (!Array.isArray(results)) throw new Error('run() must resolve to an array of results');
    results.forEach((r, i) => {
      const reason = invalidResultReason(r);
      if (reason !== undefined) throw new Error(`result #${i} is invalid: ${reason}`);
    });
    await send({ type: 'results', name, results });
    return 0;
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    await send({ type: 'error', name, message });
    return 1;
  }
}

// Exit explicitly: a module that leaves a socket or timer open must not hang the harness.
main().then(
  (code) => process.exit(code),
  () => process.exit(1),
);
