import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUFFIX = '.bench.ts';

export interface BenchFile {
  /** File name without `.bench.ts`, e.g. `ami-decode`. */
  id: string;
  path: string;
}

/** Every `<dir>/*.bench.ts`, sorted by name so runs are reproducible. */
export function discoverBenchFiles(dir: string): BenchFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(SUFFIX))
    .map((e) => ({ id: e.name.slice(0, -SUFFIX.length), path: join(dir, e.name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Whether a file is selected by `--only`. Dots and dashes are interchangeable,
 * so `ami.decode` selects `ami-decode.bench.ts`.
 */
export function matchesOnly(file: BenchFile, only: readonly string[]): boolean {
  if (only.length === 0) return true;
  const id = normalise(file.id);
  return only.some((s) => id.includes(normalise(s)));
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[.\-_]/g, '-');
}
