import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AmiClient,
  AmiAuthError,
  AmiConnectError,
  AmiInvalidArgumentError,
  AmiInvalidHeaderError,
  createAmiClient,
  createTcpTransport,
  createTlsTransport,
  queuePauseAction,
} from '../../src/index.ts';
import { FakeAmi } from '../support/fake-ami.ts';
import { sleep, until } from '../support/wait.ts';

const tlsDir = fileURLToPath(new URL('../support/tls/', import.meta.url));
// A self-signed certificate for localhost / 127.0.0.1, valid until 2126, used only by these tests.
const cert = readFileSync(`${tlsDir}localhost.crt`);
const key = readFileSync(`${tlsDir}localhost.key`);
const otherCa = readFileSync(`${tlsDir}other.crt`);

const fakes: FakeAmi[] = [];
const clients: AmiClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fakeOn(tls = false) {
  const fake = new FakeAmi({
    onAction: (action, s) => {
      if (action.get('Action') !== 'QueueStatus') return false;
      const id = action.get('ActionID')!;
      s.send([['Response', 'Success'], ['ActionID', id], ['EventList', 'start'], ['Message', 'Queue status will follow']]);
      s.send([['Event', 'QueueParams'], ['Queue', 'lang-en'], ['ActionID', id]]);
      s.send([['Event', 'QueueStatusComplete'], ['ActionID', id], ['EventList', 'Complete'], ['ListItems', '1']]);
      return true;
    },
  });
  fakes.push(fake);
  const port = await fake.listen(tls ? { key, cert } : undefined);
  return { fake, port };
}

function track(client: AmiClient): AmiClient {
  clients.push(client);
  return client;
}

describe('TCP transport', () => {
  it('logs in over TCP on an ephemeral port, runs a list action and logs off', async () => {
    const { fake, port } = await fakeOn();
    const client = track(
      createAmiClient({
        transport: () => createTcpTransport({ host: '127.0.0.1', port }),
        username: 'cti',
        secret: 'ctisecret',
        auth: 'md5',
        keepalive: false,
        reconnect: false,
      }),
    );
    await client.connect();
    const list = await client.sendList({ Action: 'QueueStatus' });
    expect(list.events.map((e) => e.get('Queue'))).toEqual(['lang-en']);
    await client.close();
    await until(() => fake.sessions[0]!.closed);
    expect(fake.sessions[0]!.actions.map((a) => a.get('Action'))).toEqual(['Challenge', 'Login', 'QueueStatus', 'Logoff']);
  });

  it('reports a wrong secret as AmiAuthError although Asterisk closes the socket right after saying so', async () => {
    const { fake, port } = await fakeOn();
    for (const auth of ['plain', 'md5'] as const) {
      const client = track(
        createAmiClient({
          transport: () => createTcpTransport({ host: '127.0.0.1', port }),
          username: 'cti',
          secret: 'wrong',
          auth,
          keepalive: false,
          reconnect: { baseMs: 5, maxMs: 5 },
        }),
      );
      const error = await client.connect().catch((e) => e);
      expect(error).toBeInstanceOf(AmiAuthError);
      expect(client.state).toBe('closed');
    }
    expect(fake.sessions).toHaveLength(2);
  });

  it('refuses an injection attempt before any byte reaches the server', async () => {
    const { fake, port } = await fakeOn();
    const client = track(
      createAmiClient({
        transport: () => createTcpTransport({ host: '127.0.0.1', port }),
        username: 'cti',
        secret: 'ctisecret',
        keepalive: false,
        reconnect: false,
      }),
    );
    await client.connect();
    const session = fake.sessions[0]!;
    const before = session.received.length;
    const reason = 'lunch\r\n\r\nAction: Originate\r\nChannel: PJSIP/666\r\nApplication: System\r\nData: id';
    // Through the typed helper, and straight through send():
    expect(() => queuePauseAction({ interface: 'PJSIP/1003', paused: true, reason })).toThrow(AmiInvalidArgumentError);
    await expect(client.send({ Action: 'QueuePause', Interface: 'PJSIP/1003', Paused: true, Reason: reason })).rejects.toBeInstanceOf(
      AmiInvalidHeaderError,
    );
    await client.send({ Action: 'Ping' });
    await sleep(20);
    const after = session.received.subarray(before).toString();
    expect(after.startsWith('Action: Ping\r\n')).toBe(true);
    expect(after).not.toContain('QueuePause');
    expect(session.actionsNamed('Originate')).toHaveLength(0);
  });

  it('reports a refused connection as AmiConnectError', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise<void>((r) => server.close(() => r()));
    const transport = createTcpTransport({ host: '127.0.0.1', port });
    const error = await transport.connect().catch((e) => e);
    expect(error).toBeInstanceOf(AmiConnectError);
    expect(error.details.label).toBe(`tcp 127.0.0.1:${port}`);
  });

  it('settles connect() at once when closed while still connecting', async () => {
    // 192.0.2.1 (TEST-NET-1) never answers, so the connection stays pending.
    const transport = createTcpTransport({ host: '192.0.2.1', port: 5038, connectTimeoutMs: 60_000 });
    const pending = transport.connect().catch((e) => e);
    transport.close();
    const error = await pending;
    expect(error).toBeInstanceOf(AmiConnectError);
    expect(error.message).toContain('closed while connecting');
  });

  it('pauses and resumes reading from the socket', async () => {
    const { fake, port } = await fakeOn();
    const transport = createTcpTransport({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    transport.on('data', (c) => chunks.push(c));
    await transport.connect();
    await until(() => chunks.length > 0);
    transport.pause();
    const before = Buffer.concat(chunks).length;
    fake.sessions[0]!.raw('Event: X\r\n\r\n');
    await sleep(30);
    expect(Buffer.concat(chunks).length).toBe(before);
    transport.resume();
    await until(() => Buffer.concat(chunks).toString().includes('Event: X'));
    const closed = new Promise<boolean>((r) => transport.on('close', r));
    transport.close();
    expect(await closed).toBe(false);
  });
});

describe('TLS transport', () => {
  it('logs in over TLS when the certificate is trusted', async () => {
    const { port } = await fakeOn(true);
    const client = track(
      createAmiClient({
        transport: () => createTlsTransport({ host: '127.0.0.1', port, ca: cert, servername: 'localhost' }),
        username: 'cti',
        secret: 'ctisecret',
        keepalive: false,
        reconnect: false,
      }),
    );
    await client.connect();
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    expect((await client.send({ Action: 'Ping' })).get('Ping')).toBe('Pong');
  });

  it('refuses a certificate from an unknown CA unless verification is turned off', async () => {
    const { port } = await fakeOn(true);
    const strict = createTlsTransport({ host: '127.0.0.1', port, ca: otherCa, servername: 'localhost' });
    const error = await strict.connect().catch((e) => e);
    expect(error).toBeInstanceOf(AmiConnectError);
    const lax = createTlsTransport({ host: '127.0.0.1', port, rejectUnauthorized: false });
    await lax.connect();
    lax.close();
  });
});
