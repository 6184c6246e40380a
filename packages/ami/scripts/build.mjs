#!/usr/bin/env node
// Builds the publishable package: dist/ holds the compiled ESM, the declaration files and the
// `ami-tail` bin. Run by `npm run build` (root and package) and by `npm pack` (prepack).
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: pkg, stdio: 'inherit' });
// The source runs through tsx; the compiled bin runs on plain Node.
const bin = new URL('../dist/cli/tail.js', import.meta.url);
writeFileSync(bin, readFileSync(bin, 'utf8').replace(/^#!.*\n/, '#!/usr/bin/env node\n'));
chmodSync(bin, 0o755);
