// Dependencies point down only: the telephony model, the projection and the stores know nothing
// of the features, the gateway or the composition above them, and the web app reaches the server
// only through the SDK.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const serverSrc = join(root, 'packages/server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

/** Every import of `area` that resolves into one of `forbidden` (folders of packages/server/src). */
function upwardImports(area: string, forbidden: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of sources(join(serverSrc, area))) {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(serverSrc, join(file, '..', spec));
      if (forbidden.some((f) => target === f || target.startsWith(`${f}/`))) found.push(`${relative(serverSrc, file)} -> ${spec}`);
    }
  }
  return found;
}

const ABOVE = ['features', 'gateway', 'app', 'cluster', 'ami-port', 'cli', 'demo', 'integrations'];

describe('dependency direction', () => {
  it.each(['telephony', 'cti', 'contact-center', 'call-records', 'identity', 'persistence'])('%s imports nothing from the layers above it', (area) => {
    expect(upwardImports(area, ABOVE)).toEqual([]);
  });

  it('the telephony model knows nothing of the projection either', () => {
    expect(upwardImports('telephony', ['cti', 'pbx'])).toEqual([]);
  });

  it('the web app talks to the server through the SDK only', () => {
    const offenders = sources(join(root, 'packages/web/src')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('packages/server') || spec.startsWith('@amiable/server'))
        .map((spec) => `${relative(root, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
