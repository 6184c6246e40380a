import { CodedError } from '../coded-error.ts';
/** Errors of the `cti` command line. Codes are listed in docs/errors.md. */
export class CliError extends CodedError {}

/** Unknown subcommand, unknown option or a missing argument. */
export class CliUsageError extends CliError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_CLI_USAGE', message, details);
  }
}

/** The transcript to replay could not be read. */
export class ReplayInputError extends CliError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_REPLAY_INPUT', message, details);
  }
}
