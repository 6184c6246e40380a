import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  it('lists every AMI error code raised in the package in the "AMI client" section of docs/errors.md, and no others', () => {
    const raised = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(AMI_ERR_[A-Z_]+)'/g)) raised.add(m[1]!);
    }
    const text = readFileSync(docs, 'utf8');
    const section = text.slice(text.indexOf('## AMI client'), text.indexOf('\n## ', text.indexOf('## AMI client') + 1));
    const listed = new Set([...section.matchAll(/^\| `(AMI_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]!));
    expect([...raised].sort()).toEqual([...listed].sort());
    expect(raised.size).toBeGreaterThan(10);
  });
});
