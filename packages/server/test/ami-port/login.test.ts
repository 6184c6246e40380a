import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startPort } from './support/fakes.ts';
import { RawClient } from './support/raw-client.ts';

let harness: Harness | undefined;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await harness?.close();
  harness = undefined;
});

async function open(options?: Parameters<typeof startPort>[0]) {
  harness = await startPort(options);
  const client = await RawClient.connect(harness.port);
  clients.push(client);
  return { h: harness, client };
}

describe('AMI port session: banner, login, Ping, Events, Logoff', () => {
  it('greets with Asterisk 22’s banner and refuses actions before login without closing', async () => {
    const { h, client } = await open();
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    client.action(['Action', 'Ping'], ['ActionID', 'p1']);
    const denied = await client.response('p1');
    expect(denied.toObject()).toEqual({ Response: 'Error', ActionID: 'p1', Message: 'Permission denied' });
    expect(client.closed).toBe(false);
    expect(h.audit.at(-1)).toMatchObject({ command: 'Ping', result: 'error', errorCode: 'CTI_ERR_UNAUTHENTICATED', userId: null });
  });

  it('answers a wrong secret with Authentication failed and closes the connection, like Asterisk', async () => {
    const { h, client } = await open();
    const reply = await client.login('agent1003', 'wrong');
    expect(reply.toObject()).toEqual({ Response: 'Error', ActionID: 'login-agent1003', Message: 'Authentication failed' });
    await client.waitClosed();
    expect(h.audit.at(-1)).toMatchObject({ command: 'Login', result: 'error', errorCode: 'CTI_ERR_INVALID_CREDENTIALS' });
    expect(h.audit.at(-1)!.args.secret).toBe('***');
  });

  it('logs a CTI user in, sends FullyBooted, answers Ping and Events, and says Goodbye on Logoff', async () => {
    const { h, client } = await open();
    const reply = await client.login('agent1003', 'pw-1003');
    expect(reply.get('Message')).toBe('Authentication accepted');
    expect((await client.next((m) => m.event === 'FullyBooted')).get('Status')).toBe('Fully Booted');
    expect(h.server.stats().clients).toBe(1);

    client.action(['Action', 'Ping'], ['ActionID', 'p']);
    const pong = await client.response('p');
    expect(pong.get('Ping')).toBe('Pong');
    expect(pong.get('Timestamp')).toMatch(/^\d+\.\d{6}$/);

    client.action(['Action', 'Events'], ['ActionID', 'e1'], ['EventMask', 'off']);
    expect((await client.response('e1')).toObject()).toEqual({ Response: 'Success', ActionID: 'e1', Events: 'Off' });
    client.action(['Action', 'Events'], ['ActionID', 'e2'], ['EventMask', 'call,agent']);
    expect((await client.response('e2')).get('Events')).toBe('On');

    client.action(['Action', 'Logoff'], ['ActionID', 'bye']);
    expect((await client.response('bye')).toObject()).toEqual({
      Response: 'Goodbye',
      ActionID: 'bye',
      Message: 'Thanks for all the fish.',
    });
    await client.waitClosed();
    expect(h.audit.map((a) => `${a.command} ${a.result}`)).toEqual(['Login ok', 'Ping ok', 'Events ok', 'Events ok', 'Logoff ok']);
  });

  it('logs in with an MD5 challenge for an account that has an AMI-port secret', async () => {
    const { client } = await open();
    client.action(['Action', 'Challenge'], ['ActionID', 'c'], ['AuthType', 'MD5']);
    const challenge = (await client.response('c')).get('Challenge')!;
    expect(challenge).toMatch(/^\d+$/);
    const key = createHash('md5').update(`${challenge}ami-1003`).digest('hex');
    client.action(['Action', 'Login'], ['ActionID', 'l'], ['AuthType', 'MD5'], ['Username', 'agent1003'], ['Key', key]);
    expect((await client.response('l')).get('Message')).toBe('Authentication accepted');
  });

  it('refuses an MD5 login with the CTI password, or for an account without an AMI-port secret', async () => {
    const { client } = await open();
    client.action(['Action', 'Challenge'], ['ActionID', 'c'], ['AuthType', 'MD5']);
    const challenge = (await client.response('c')).get('Challenge')!;
    const key = createHash('md5').update(`${challenge}pw-1004`).digest('hex');
    client.action(['Action', 'Login'], ['ActionID', 'l'], ['AuthType', 'MD5'], ['Username', 'agent1004'], ['Key', key]);
    expect((await client.response('l')).get('Message')).toBe('Authentication failed');
    await client.waitClosed();
  });

  it('explains that MD5 is unavailable when the server has no AMI-port secrets', async () => {
    const { client } = await open({ md5: false });
    client.action(['Action', 'Challenge'], ['ActionID', 'c'], ['AuthType', 'MD5']);
    const reply = await client.response('c');
    expect(reply.get('Response')).toBe('Error');
    expect(reply.get('Message')).toContain('Log in with Secret over TLS');
  });

  it('closes a connection that does not log in within the auth timeout', async () => {
    const { h, client } = await open({ config: { authTimeoutMs: 100 } });
    await client.waitClosed(2000);
    await eventually(() => h.server.stats().connections === 0);
  });

  it('refuses connections beyond the limit of sessions waiting to log in', async () => {
    const { h } = await open({ config: { maxUnauthenticated: 1 } });
    const second = await RawClient.connect(h.port);
    clients.push(second);
    await second.waitClosed();
    expect(second.banner).toBeUndefined();
    expect(h.server.stats().connections).toBe(1);
  });

  it('speaks AMI over TLS with the configured certificate', async () => {
    const dir = new URL('./fixtures/', import.meta.url);
    const cert = readFileSync(new URL('test-cert.pem', dir));
    const key = readFileSync(new URL('test-key.pem', dir));
    harness = await startPort({ config: { tls: { cert, key } } });
    const client = await RawClient.connect(harness.port, { ca: cert });
    clients.push(client);
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    expect((await client.login('agent1003', 'pw-1003')).get('Message')).toBe('Authentication accepted');
  });
});
