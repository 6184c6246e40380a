#!/usr/bin/env node
// Builds the publishable package: dist/ holds the compiled ESM, the declaration files and the
// `ami-tail` bin. Run by `npm run build` (root and package) and by `npm pack` (prepack).
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: pkg, stdio: 'inherit' });
chmodSync(new URL('../dist/cli/tail.js', import.meta.url), 0o755);
