import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand, CliIo } from './command.ts';
import { CliError, CliUsageError } from './errors.ts';

const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Load every cli/commands/*.ts that exports `command`, sorted by name. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CliCommand[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
  const out: CliCommand[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { command?: CliCommand };
    if (mod.command !== undefined) out.push(mod.command);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: cti <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'help'.padEnd(width)}  Show this list, or a command's usage: cti help <command>\n`;
}

const STD_IO: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `cti … | head` closes stdout early: that is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** The `cti` dispatcher. Returns the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = STD_IO): Promise<number> {
  if (io === STD_IO) quietOnClosedPipe();
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const target = commands.find((c) => c.name === rest[0]);
    io.out(target === undefined ? help(commands) : `${target.usage}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`cti: unknown command '${name}'\n\n${help(commands)}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`cti ${name}: ${err.message} (${err.code})\n`);
      if (err instanceof CliUsageError) io.err(`${command.usage}\n`);
      return err instanceof CliUsageError ? 2 : 1;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`cti: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
