#!/usr/bin/env node
// Launcher for the `cti` command line: runs src/cli/cti.ts through tsx (there is no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/cti.ts');
process.exitCode = await main(process.argv.slice(2));
