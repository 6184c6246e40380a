/** Where a command writes. Tests pass collectors; the launcher passes the process streams. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * One `cti` subcommand. Each lives in its own file under cli/commands/ and
 * exports `command`; the dispatcher finds them there.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `cti help`. */
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
