import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('the demo server end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs alice in at her extension, adds her three skill queues, and pops the customer when Jane calls lang-en', async () => {
    const token = await login(server.url, 'alice', 'alice-demo');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const signIn = await fetch(`${server.url}/api/commands/agent.signIn`, { method: 'POST', headers: auth, body: JSON.stringify({ extension: '1001' }) });
    expect(signIn.status).toBe(200);
    const members = server.demo!.sim.snapshot().members.filter((m) => m.interface === 'PJSIP/1001').map((m) => `${m.queue}:${m.penalty}`).sort();
    // Proficiency 5 → penalty 0, 4 → 1, 3 → 2 (base 0, step 1).
    expect(members).toEqual(['lang-en:0', 'lang-fr:2', 'support:1']);

    server.demo!.sim.setPhone('1001', { mode: 'noanswer' });
    server.demo!.sim.placeCall({ queue: 'lang-en', callerNumber: '+15551234567', callerName: 'Jane Customer' });
    let state: { calls: Array<{ callerNumber: string | null; extension: string | null; state: string }> } = { calls: [] };
    for (let i = 0; i < 50 && !state.calls.some((c) => c.state === 'ringing'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await (await fetch(`${server.url}/api/state`, { headers: auth })).json()) as typeof state;
    }
    expect(state.calls).toContainEqual(expect.objectContaining({ callerNumber: '+15551234567', extension: '1001', state: 'ringing' }));
  });
});
