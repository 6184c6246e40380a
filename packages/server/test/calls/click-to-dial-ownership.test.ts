import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { userId, waitFor } from '../workflow/helpers.ts';

interface EventFrame {
  op: 'event';
  type: string;
  payload: { callId: string; extension: string | null; direction?: string; reason?: string; phase?: string };
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('click-to-dial: the agent who originates owns the call (simulated PBX, real sockets)', () => {
  let server: TestServer;
  let token: string;
  let ws: TestClient;
  let bilal: TestClient;
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const events = (): EventFrame[] => ws.frames.filter((f): f is EventFrame & typeof f => f.op === 'event' && String(f.type).startsWith('call.')) as EventFrame[];

  beforeAll(async () => {
    server = await startTestServer();
    token = await login(server.url, 'alice', 'alice-demo');
    await server.agents.signIn(await userId(server, 'alice'), { extension: '1001' });
    await server.agents.signIn(await userId(server, 'bilal'), { extension: '1002' });
    ws = await TestClient.connect(`${server.url.replace('http', 'ws')}/api/ws`, token);
    bilal = await TestClient.connect(`${server.url.replace('http', 'ws')}/api/ws`, await login(server.url, 'bilal', 'bilal-demo'));
  });
  afterAll(async () => {
    ws?.ws.close();
    bilal?.ws.close();
    await server?.close();
  });

  it('gives alice call.answered (outbound) and her call in /api/state, never a ring from herself, and lets her hang it up', async () => {
    const sim = server.demo!.sim;
    sim.setPhone('1001', { mode: 'answer', answerAfterMs: 100 });
    sim.setPhone('1002', { mode: 'answer', answerAfterMs: 150 });
    sim.setPhone('1003', { mode: 'answer', answerAfterMs: 100 });
    expect((await post('/api/commands/call.originate', { to: '1002' })).status).toBe(200);

    const answered = await waitFor('call.answered for alice', () => events().find((e) => e.type === 'call.answered' && e.payload.extension === '1001'));
    const callId = answered.payload.callId;
    expect(answered.payload.direction).toBe('outbound');
    // No screen-pop of her own call, and no "answered elsewhere" when 1002 picks up.
    const mine = events().filter((e) => e.payload.callId === callId && e.payload.extension === '1001');
    expect(mine.filter((e) => e.type === 'call.ringing' || e.type === 'call.dismissed')).toEqual([]);

    const state = (await (await fetch(`${server.url}/api/state`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      calls: Array<{ callId: string; extension: string | null; direction: string; state: string }>;
    };
    expect(state.calls).toContainEqual(expect.objectContaining({ callId, extension: '1001', direction: 'outbound', state: 'talking' }));

    // Her own hangup is in her scope, and her call ends for her.
    const hangup = await post('/api/commands/call.hangup', { callId });
    expect(hangup.status, await hangup.clone().text()).toBe(200);
    await waitFor('call.ended for alice', () => events().find((e) => e.type === 'call.ended' && e.payload.callId === callId && e.payload.extension === '1001'));
    // 1002 was offered an internal call and answered an internal call: the direction never flips.
    const callee = (bilal.frames.filter((f) => f.op === 'event') as unknown as EventFrame[]).filter((e) => e.payload.callId === callId && e.payload.extension === '1002');
    expect(callee.filter((e) => e.type === 'call.ringing' || e.type === 'call.answered').map((e) => [e.type, e.payload.direction])).toEqual([
      ['call.ringing', 'internal'],
      ['call.answered', 'internal'],
    ]);
  });
});
