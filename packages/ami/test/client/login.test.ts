import { afterEach, describe, expect, it } from 'vitest';
import { AmiAuthError, type AmiClient, createAmiClient, md5Key } from '../../src/index.ts';
import { FakeAmi } from '../support/fake-ami.ts';
import { recordStatuses } from '../support/wait.ts';

const clients: AmiClient[] = [];
function client(options: Omit<Parameters<typeof createAmiClient>[0], 'transport'>, fake: FakeAmi) {
  const c = createAmiClient({ keepalive: false, ...options, transport: fake.connector() });
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('login', () => {
  it('logs in with a plain secret, exposes the banner and asks for all events by default', async () => {
    const fake = new FakeAmi();
    const c = client({ username: 'cti', secret: 'ctisecret' }, fake);
    const statuses = recordStatuses(c);
    await c.connect();
    expect(c.state).toBe('ready');
    expect(c.banner).toBe('Asterisk Call Manager/11.0.0');
    expect(c.version).toBe('11.0.0');
    const login = fake.sessions[0]!.actionsNamed('Login')[0]!;
    expect(login.pairs().map(([k]) => k)).toEqual(['Action', 'ActionID', 'Username', 'Secret', 'Events']);
    expect(login.get('Events')).toBe('on');
    expect(statuses.map((s) => s.to)).toEqual(['connecting', 'authenticating', 'ready']);
    expect(statuses.map((s) => s.reason)).toEqual(['connect requested', 'banner received', 'logged in']);
  });

  it('logs in with an MD5 challenge and never sends the secret', async () => {
    const fake = new FakeAmi();
    const c = client({ username: 'cti', secret: 'ctisecret', auth: 'md5', events: 'call,agent' }, fake);
    await c.connect();
    const session = fake.sessions[0]!;
    const [challenge, login] = session.actions;
    expect(challenge!.get('Action')).toBe('Challenge');
    expect(challenge!.get('AuthType')).toBe('MD5');
    expect(login!.get('AuthType')).toBe('MD5');
    expect(login!.get('Key')).toBe(md5Key(fake.challenge, 'ctisecret'));
    expect(login!.get('Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(login!.get('Events')).toBe('call,agent');
    expect(session.received.includes('ctisecret')).toBe(false);
  });

  it('rejects connect() with AmiAuthError and closes when the plain secret is wrong', async () => {
    const fake = new FakeAmi();
    const c = client({ username: 'cti', secret: 'wrong' }, fake);
    const statuses = recordStatuses(c);
    const error = await c.connect().catch((e) => e);
    expect(error).toBeInstanceOf(AmiAuthError);
    expect(error.code).toBe('AMI_ERR_AUTH');
    expect(error.details.message).toBe('Authentication failed');
    expect(c.state).toBe('closed');
    expect(statuses.at(-1)).toMatchObject({ from: 'authenticating', to: 'closed', reason: 'authentication failed' });
    expect(fake.sessions).toHaveLength(1);
  });

  it('rejects connect() with AmiAuthError when the MD5 key is wrong', async () => {
    const fake = new FakeAmi();
    const c = client({ username: 'cti', secret: 'nope', auth: 'md5' }, fake);
    const error = await c.connect().catch((e) => e);
    expect(error).toBeInstanceOf(AmiAuthError);
    expect(fake.sessions[0]!.actionsNamed('Challenge')).toHaveLength(1);
  });

  it('is ready on the login reply even when FullyBooted never comes (a user without read system)', async () => {
    const fake = new FakeAmi({ users: { limited: 'limitedsecret' } });
    const c = client({ username: 'limited', secret: 'limitedsecret' }, fake);
    await c.connect();
    expect(c.state).toBe('ready');
  });

  it('delivers a FullyBooted that shares the segment with the login reply', async () => {
    const fake = new FakeAmi({
      afterLogin: (s) => s.event('FullyBooted', [['Uptime', '3'], ['LastReload', '3'], ['Status', 'Fully Booted']]),
    });
    const c = client({ username: 'cti', secret: 'ctisecret' }, fake);
    const seen: Array<[string | undefined, boolean]> = [];
    c.onEvent((e, meta) => {
      seen.push([e.event, meta.resync]);
    });
    await c.connect();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([['FullyBooted', true]]);
  });

  it('retries after an auth failure only when asked to', async () => {
    const fake = new FakeAmi();
    const c = client(
      { username: 'cti', secret: 'wrong', reconnect: { retryOnAuthFailure: true, baseMs: 5, maxMs: 5, maxAttempts: 2 } },
      fake,
    );
    const error = await c.connect().catch((e) => e);
    expect(error).toBeInstanceOf(AmiAuthError);
    expect(fake.sessions).toHaveLength(3);
    expect(c.state).toBe('closed');
  });
});
