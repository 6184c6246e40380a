import { afterEach, describe, expect, it } from 'vitest';
import { bearer, buildFixture, type Fixture, INTEGRATION_KEY, login } from './helpers/fixture.ts';
import { TestClient } from './helpers/ws-client.ts';

let fx: Fixture;
afterEach(async () => {
  await fx?.app.close();
});

const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  fx.app.inject({ method: 'POST', url, headers, payload: payload as object });

describe('target rules', () => {
  it('lets alice pause herself through the friendly alias', async () => {
    fx = await buildFixture();
    const { accessToken } = await login(fx.app, 'alice');
    const res = await post('/api/agents/me/pause', bearer(accessToken), { reason: 'lunch' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, data: { done: 'agent.pause' } });
    expect(fx.calls).toEqual([{ name: 'agent.pause', principal: 'alice', args: { reason: 'lunch' } }]);
    expect(fx.audit.entries().at(-1)).toMatchObject({ action: 'agent.pause', ok: true, userId: 'u-alice', args: { reason: 'lunch' } });
  });

  it('refuses alice pausing bob, over REST and WebSocket, and audits both attempts', async () => {
    fx = await buildFixture();
    const { accessToken } = await login(fx.app, 'alice');
    const res = await post('/api/commands/agent.pause', bearer(accessToken), { agentId: 'agent-1002', reason: 'lunch' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CTI_ERR_FORBIDDEN');

    const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
    const client = await TestClient.connect(`${address.replace('http', 'ws')}/api/ws`, accessToken);
    const result = await client.command('p1', 'supervisor.forcePause', { agentId: 'agent-1002', reason: 'lunch' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CTI_ERR_FORBIDDEN' } });
    client.close();

    expect(fx.calls).toEqual([]);
    const refused = fx.audit.entries().filter((e) => e.code === 'CTI_ERR_FORBIDDEN');
    expect(refused.map((e) => [e.channel, e.action, e.username])).toEqual([
      ['rest', 'agent.pause', 'alice'],
      ['ws', 'supervisor.forcePause', 'alice'],
    ]);
    expect(refused[0]!.args).toEqual({ agentId: 'agent-1002', reason: 'lunch' });
  });

  it('lets carol act on agents of her team but not on others', async () => {
    fx = await buildFixture();
    const { accessToken } = await login(fx.app, 'carol');
    expect((await post('/api/supervisor/agents/agent-1001/listen', bearer(accessToken))).statusCode).toBe(200);
    expect(fx.calls.at(-1)).toEqual({ name: 'supervisor.listen', principal: 'carol', args: { agentId: 'agent-1001' } });
    const other = await post('/api/supervisor/agents/agent-1002/force-pause', bearer(accessToken), { reason: 'coaching' });
    expect(other.json().code).toBe('CTI_ERR_FORBIDDEN');
  });

  it('refuses a queue outside the caller’s scope', async () => {
    fx = await buildFixture();
    const { accessToken } = await login(fx.app, 'alice');
    expect((await post('/api/agents/me/queues/join', bearer(accessToken), { queue: 'lang-en' })).statusCode).toBe(200);
    expect((await post('/api/agents/me/queues/join', bearer(accessToken), { queue: 'lang-fr' })).json().code).toBe('CTI_ERR_FORBIDDEN');
  });

  it('keeps an integration within its configured agents, extensions and calls', async () => {
    fx = await buildFixture();
    fx.state.current.calls = [
      { callId: '100.1', direction: 'inbound', state: 'talking', callerNumber: '+3312345', callerName: null, queue: 'lang-en', extension: '1001', agentId: 'agent-1001', startedAt: '2025-01-01T09:00:00.000Z', answeredAt: null },
      { callId: '200.1', direction: 'inbound', state: 'talking', callerNumber: '+3312346', callerName: null, queue: 'lang-fr', extension: '1002', agentId: 'agent-1002', startedAt: '2025-01-01T09:00:00.000Z', answeredAt: null },
    ];
    const key = { 'x-api-key': INTEGRATION_KEY };
    expect((await post('/api/commands/agent.ready', key, { agentId: 'agent-1001' })).statusCode).toBe(200);
    expect((await post('/api/calls/100.1/hangup', key)).statusCode).toBe(200);
    expect((await post('/api/commands/agent.ready', key, { agentId: 'agent-1002' })).json().code).toBe('CTI_ERR_FORBIDDEN');
    expect((await post('/api/calls/200.1/hangup', key)).json().code).toBe('CTI_ERR_FORBIDDEN');
    expect((await post('/api/calls/originate', key, { to: '+3312345', from: '1002' })).json().code).toBe('CTI_ERR_FORBIDDEN');
    expect((await post('/api/commands/agent.ready', key, {})).json().code).toBe('CTI_ERR_FORBIDDEN');
    expect((await post('/api/supervisor/agents/agent-1001/listen', key)).json().code).toBe('CTI_ERR_FORBIDDEN');
    expect(fx.calls.map((c) => c.name)).toEqual(['agent.ready', 'call.hangup']);
    const refused = fx.audit.entries().filter((e) => e.code === 'CTI_ERR_FORBIDDEN');
    expect(refused).toHaveLength(5);
    expect(refused.every((e) => e.role === 'integration' && e.userId === 'apikey:crm')).toBe(true);
  });

  it('lets an agent hang up only calls on their own extension, and answers an unknown call like a foreign one', async () => {
    fx = await buildFixture();
    fx.state.current.calls = [
      { callId: '300.1', direction: 'inbound', state: 'ringing', callerNumber: null, callerName: null, queue: 'lang-en', extension: '1002', agentId: 'agent-1002', startedAt: '2025-01-01T09:00:00.000Z', answeredAt: null },
    ];
    const { accessToken } = await login(fx.app, 'alice');
    // Same queue is not enough for an agent: only supervisors and integrations monitor queues.
    expect((await post('/api/calls/300.1/hangup', bearer(accessToken))).json().code).toBe('CTI_ERR_FORBIDDEN');
    // Whether a call exists is no business of someone who may not act on it.
    expect((await post('/api/calls/999.9/hangup', bearer(accessToken))).json().code).toBe('CTI_ERR_FORBIDDEN');
  });
});

describe('command dispatch', () => {
  it('answers unknown commands and commands without a handler with their own codes', async () => {
    fx = await buildFixture();
    const { accessToken } = await login(fx.app, 'dave');
    const unknown = await post('/api/commands/agent.teleport', bearer(accessToken));
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CTI_ERR_UNKNOWN_COMMAND']);
    const missing = await post('/api/commands/recording.start', bearer(accessToken), { callId: '1.1' });
    expect(missing.json().code).toBe('CTI_ERR_NOT_FOUND');
    fx.state.current.calls = [
      { callId: '1.1', direction: 'inbound', state: 'talking', callerNumber: null, callerName: null, queue: null, extension: '1001', agentId: null, startedAt: '2025-01-01T09:00:00.000Z', answeredAt: null },
    ];
    const notImplemented = await post('/api/commands/recording.start', bearer(accessToken), { callId: '1.1' });
    expect([notImplemented.statusCode, notImplemented.json().code]).toEqual([501, 'CTI_ERR_NOT_IMPLEMENTED']);
  });

  it('passes a service error code through to the client and the audit trail', async () => {
    const failing = Object.assign(new Error('Agent agent-1001 cannot go from logged-out to ready'), { code: 'CTI_ERR_ILLEGAL_AGENT_TRANSITION' });
    fx = await buildFixture({
      commands: {
        'agent.ready': async () => {
          throw failing;
        },
      },
    });
    const { accessToken } = await login(fx.app, 'alice');
    const res = await post('/api/agents/me/ready', bearer(accessToken));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ code: 'CTI_ERR_ILLEGAL_AGENT_TRANSITION', message: 'Agent agent-1001 cannot go from logged-out to ready' });
    expect(fx.audit.entries().at(-1)).toMatchObject({ action: 'agent.ready', ok: false, code: 'CTI_ERR_ILLEGAL_AGENT_TRANSITION' });
  });

  it('hides unexpected failures behind CTI_ERR_INTERNAL', async () => {
    fx = await buildFixture({
      commands: {
        'agent.ready': async () => {
          throw new TypeError('cannot read properties of undefined (secret stack)');
        },
      },
    });
    const { accessToken } = await login(fx.app, 'alice');
    const res = await post('/api/agents/me/ready', bearer(accessToken));
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'CTI_ERR_INTERNAL', message: 'Internal error' });
  });
});
