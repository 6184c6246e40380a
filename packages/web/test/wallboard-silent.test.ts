import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Every source file reachable from `entry` through relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = join(dirname(file), m[1]!);
      if (/\.(ts|tsx)$/.test(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the wallboard never plays the ring sound', () => {
  it('does not reach the ring tone or the desk ring alert from its page, whatever it imports', () => {
    const files = [...reachable(join(SRC, 'pages/wallboard/wallboard-page.tsx'))].map((f) => f.slice(SRC.length + 1));
    expect(files).toContain('pages/wallboard/agents-grid.tsx');
    expect(files.filter((f) => /ring-tone|ring-alert|ring-settings/.test(f))).toEqual([]);
  });
});
