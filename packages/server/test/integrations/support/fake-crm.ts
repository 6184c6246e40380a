import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CrmBehaviour =
  | { kind: 'answer'; status?: number; body: unknown }
  /** Holds the answer until `release(number)`. */
  | { kind: 'late'; body: unknown }
  /** Never answers. */
  | { kind: 'silent' };

/** A CRM on a spare loopback port: `GET /contacts?phone=<e164>` answers as told per number. */
export async function startFakeCrm(behaviours: Record<string, CrmBehaviour>) {
  const requests: Array<{ phone: string; headers: IncomingHttpHeaders; answeredAt: number | null }> = [];
  const held = new Map<string, () => void>();
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const phone = new URL(req.url ?? '/', 'http://x').searchParams.get('phone') ?? '';
    const entry = { phone, headers: req.headers, answeredAt: null as number | null };
    requests.push(entry);
    const send = (status: number, body: unknown) => {
      entry.answeredAt = Date.now();
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const b = behaviours[phone] ?? { kind: 'answer', status: 404, body: { error: 'not found' } };
    if (b.kind === 'answer') send(b.status ?? 200, b.body);
    else if (b.kind === 'late') held.set(phone, () => send(200, b.body));
    else open.add(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlTemplate: `http://127.0.0.1:${port}/contacts?phone={e164}`,
    requests,
    release(phone: string) {
      held.get(phone)?.();
      held.delete(phone);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
