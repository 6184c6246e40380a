/** Command-line options of `npm run bench`. */
export interface HarnessArgs {
  json: boolean;
  quick: boolean;
  /** Run only the bench files whose name contains one of these substrings. */
  only: string[];
  /** Per-module wall-clock limit in milliseconds. */
  timeoutMs: number;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--json] [--quick] [--only <substring>]... [--timeout <seconds>]

  --json              one JSON object per result line on stdout, nothing else
  --quick             smaller inputs and fewer repetitions (smoke run)
  --only <substring>  run only bench files whose name contains the substring
                      ("ami.decode" and "ami-decode" both match bench/ami-decode.bench.ts);
                      may be repeated
  --timeout <seconds> per-module time limit (default 900)
`;

export function parseArgs(argv: readonly string[]): HarnessArgs {
  const args: HarnessArgs = { json: false, quick: false, only: [], timeoutMs: 900_000, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--quick':
        args.quick = true;
        break;
      case '--only':
        args.only.push(takeValue());
        break;
      case '--timeout': {
        const seconds = Number(takeValue());
        if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--timeout needs a positive number of seconds');
        args.timeoutMs = seconds * 1000;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return args;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
