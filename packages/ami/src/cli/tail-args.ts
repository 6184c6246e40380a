import { parseArgs } from 'node:util';

export interface TailArgs {
  host: string;
  port: number;
  user: string;
  secret: string;
  tls: boolean;
  /** Accept a self-signed certificate (lab use only). */
  insecure: boolean;
  ca: string | undefined;
  md5: boolean;
  events: string;
  json: boolean;
}

export const TAIL_USAGE = `Usage: ami-tail --user NAME --secret SECRET [options]

Connects to an Asterisk Manager Interface and prints every event on one line.

  --host HOST       default 127.0.0.1
  --port PORT       default 5038 (5039 with --tls)
  --user NAME       AMI user (manager.conf section)
  --secret SECRET   AMI secret (or the AMI_SECRET environment variable)
  --md5             log in with an MD5 challenge instead of the plain secret
  --events MASK     on, off or a class list such as call,agent (default on)
  --tls             connect with TLS
  --ca FILE         trusted CA certificate (PEM) for --tls
  --insecure        with --tls, accept any certificate (lab only)
  --json            print each event as a JSON object instead
  --help            show this text`;

/** Parse the command line. Throws an Error with a readable message on bad input. */
export function parseTailArgs(argv: string[], env: NodeJS.ProcessEnv = {}): TailArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      user: { type: 'string' },
      secret: { type: 'string' },
      md5: { type: 'boolean', default: false },
      events: { type: 'string', default: 'on' },
      tls: { type: 'boolean', default: false },
      ca: { type: 'string' },
      insecure: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const secret = values.secret ?? env.AMI_SECRET;
  if (!values.user) throw new Error('--user is required');
  if (secret === undefined) throw new Error('--secret (or AMI_SECRET) is required');
  const port = values.port === undefined ? (values.tls ? 5039 : 5038) : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`Invalid --port ${values.port}`);
  return {
    host: values.host ?? '127.0.0.1',
    port,
    user: values.user,
    secret,
    tls: values.tls ?? false,
    insecure: values.insecure ?? false,
    ca: values.ca,
    md5: values.md5 ?? false,
    events: values.events ?? 'on',
    json: values.json ?? false,
  };
}
