import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  raw: string;
  body: { id: string; subscriptionId: string; type: string; at: string; pbx: string | null; scope: Record<string, string>; payload: Record<string, unknown> };
  /** The status this request was answered with. */
  answered: number;
}

/**
 * A webhook receiver on a spare loopback port: records every request and answers with the status
 * `answer` returns (200 by default). `hang` leaves requests unanswered (a dead receiver).
 */
export async function startReceiver(options: { answer?: (r: Omit<Received, 'answered'>, n: number) => number; port?: number } = {}) {
  const received: Received[] = [];
  let hang = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request = { headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] };
      if (hang) {
        received.push({ ...request, answered: 0 });
        return;
      }
      const status = options.answer?.(request, received.length) ?? 200;
      received.push({ ...request, answered: status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    hang(on: boolean) {
      hang = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A loopback port nobody listens on (taken, then given back). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
