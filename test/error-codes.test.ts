import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CODE = /['"`]((?:CTI|AMI|PBX_SIM|SDK)_ERR_[A-Z0-9_]+)['"`]/g;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'test' || name === 'dev') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('error codes', () => {
  it('lists every error code the source raises in docs/errors.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    const codes = new Set<string>();
    for (const file of sources(join(ROOT, 'packages'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(CODE)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(30);
    const missing = [...codes].filter((c) => !doc.includes(`\`${c}\``)).sort();
    expect(missing).toEqual([]);
  });
});
