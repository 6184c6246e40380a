import { describe, expect, it } from 'vitest';
import { CtiClosedError, CtiDisconnectedError, CtiError, CtiServerError, CtiTimeoutError } from '../src/errors.ts';
import { harness } from './support/harness.ts';

async function connected() {
  const h = harness({}, { commandTimeoutMs: 5000 });
  await h.client.login('ada', 'secret');
  h.client.connect();
  const s = await h.accept();
  return { ...h, s };
}

describe('commands', () => {
  it('matches results to commands by request id, whatever order they come back in', async () => {
    const { client, s } = await connected();
    const pause = client.command('agent.pause', { reason: 'lunch' });
    const ready = client.command('agent.ready', {});
    const [first, second] = s.frames('command');
    expect(first).toMatchObject({ op: 'command', name: 'agent.pause', args: { reason: 'lunch' } });
    expect(second).toMatchObject({ op: 'command', name: 'agent.ready', args: {} });
    expect(first?.id).not.toEqual(second?.id);
    s.push({ op: 'result', id: second?.id, ok: true, data: { state: 'ready' } });
    s.push({ op: 'result', id: first?.id, ok: true, data: { state: 'paused' } });
    await expect(pause).resolves.toEqual({ state: 'paused' });
    await expect(ready).resolves.toEqual({ state: 'ready' });
  });

  it("rejects with the server's code and message when the command is refused", async () => {
    const { client, s } = await connected();
    const promise = client.command('supervisor.forceReady', { agentId: 'agent-9' });
    const id = s.frames('command')[0]?.id;
    s.push({ op: 'result', id, ok: false, error: { code: 'CTI_ERR_FORBIDDEN', message: 'agent-9 is not in your teams' } });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiServerError);
    expect(error).toMatchObject({ code: 'CTI_ERR_FORBIDDEN', message: 'agent-9 is not in your teams' });
  });

  it('times out a command the server never answers', async () => {
    const { client, timers } = await connected();
    const promise = client.command('agent.ready', {}, { timeoutMs: 2000 });
    const outcome = promise.catch((e: unknown) => e);
    await timers.advance(2000);
    const error = await outcome;
    expect(error).toBeInstanceOf(CtiTimeoutError);
    expect((error as CtiTimeoutError).code).toBe('SDK_ERR_TIMEOUT');
  });

  it('fails commands in flight when the connection drops, and ignores their late results', async () => {
    const { client, s } = await connected();
    const promise = client.command('call.hangup', { callId: '1718000000.42' });
    const id = s.frames('command')[0]?.id;
    s.serverClose(1006);
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiDisconnectedError);
    expect((error as CtiDisconnectedError).code).toBe('SDK_ERR_DISCONNECTED');
    expect(() => s.push({ op: 'result', id, ok: true, data: null })).not.toThrow();
  });

  it('sends the command over REST when the live connection is not open', async () => {
    const h = harness({
      'POST /api/commands/call.originate': (call) => ({ body: { ok: true, data: { callId: 'c-1', echo: call.body } } }),
    });
    await h.client.login('ada', 'secret');
    await expect(h.client.command('call.originate', { to: '+44 20 7946 0000' })).resolves.toEqual({
      callId: 'c-1',
      echo: { to: '+44 20 7946 0000' },
    });
    expect(h.calls.at(-1)?.headers.authorization).toBe('Bearer access-1');
  });

  it('turns a REST refusal into a typed error with the status and the server code', async () => {
    const h = harness({
      'POST /api/commands/agent.pause': () => ({
        status: 400,
        body: { code: 'CTI_ERR_VALIDATION', message: 'reason: unknown pause reason', details: { errors: [{ path: '/reason', message: 'unknown' }] } },
      }),
    });
    await h.client.login('ada', 'secret');
    const error = await h.client.command('agent.pause', { reason: 'nap' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiServerError);
    expect(error).toMatchObject({ code: 'CTI_ERR_VALIDATION', status: 400, details: { errors: [{ path: '/reason', message: 'unknown' }] } });
  });

  it('refuses a command that must go over the WebSocket while it is not open', async () => {
    const h = harness();
    await h.client.login('ada', 'secret');
    const error = await h.client.command('agent.ready', {}, { via: 'ws' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtiError);
    expect((error as CtiError).code).toBe('SDK_ERR_DISCONNECTED');
    expect(h.calls.some((c) => c.url.includes('/api/commands/'))).toBe(false);
  });

  it('fails the commands in flight and refuses new ones once closed', async () => {
    const { client } = await connected();
    const pending = client.command('agent.ready', {}).catch((e: unknown) => e);
    client.close();
    expect(await pending).toBeInstanceOf(CtiClosedError);
    await expect(client.command('agent.ready', {})).rejects.toBeInstanceOf(CtiClosedError);
  });
});
