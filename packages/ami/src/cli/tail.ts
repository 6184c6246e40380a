#!/usr/bin/env -S npx tsx
/**
 * ami-tail: connect to AMI and print live events, one per line.
 *   npm run tail -- --host 127.0.0.1 --port 5038 --user cti --secret x [--tls]
 * Status changes and errors go to stderr, events to stdout.
 */
import { readFileSync } from 'node:fs';
import { createAmiClient } from '../client/client.ts';
import { createTcpTransport, createTlsTransport } from '../transport/tcp-transport.ts';
import { formatEventLine } from './format-event.ts';
import { parseTailArgs, TAIL_USAGE } from './tail-args.ts';

async function main(): Promise<number> {
  let args: ReturnType<typeof parseTailArgs>;
  try {
    args = parseTailArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${TAIL_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${TAIL_USAGE}\n`);
    return 0;
  }
  const a = args;
  const client = createAmiClient({
    transport: a.tls
      ? () =>
          createTlsTransport({
            host: a.host,
            port: a.port,
            ca: a.ca === undefined ? undefined : readFileSync(a.ca),
            rejectUnauthorized: !a.insecure,
          })
      : () => createTcpTransport({ host: a.host, port: a.port }),
    username: a.user,
    secret: a.secret,
    auth: a.md5 ? 'md5' : 'plain',
    events: a.events,
  });
  client.onStatus((s) => {
    const extra = s.delayMs === undefined ? '' : ` (retry in ${s.delayMs} ms)`;
    const banner = s.to === 'ready' ? ` [${client.banner}]` : '';
    process.stderr.write(`# ${s.from} -> ${s.to}: ${s.reason}${extra}${banner}\n`);
  });
  client.onError((e) => process.stderr.write(`# error: ${e.message}\n`));
  client.onEvent((event) => {
    process.stdout.write(`${a.json ? JSON.stringify(event.pairs()) : formatEventLine(event)}\n`);
  });
  const closed = new Promise<void>((resolve) => client.onStatus((s) => s.to === 'closed' && resolve()));
  const stop = () => void client.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await client.connect();
  } catch (error) {
    process.stderr.write(`# ${(error as Error).message}\n`);
    return 1;
  }
  await closed;
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
