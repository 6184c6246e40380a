import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { login } from '../security/support/identities.ts';

async function recordingControl(server: TestServer, username: string): Promise<unknown> {
  const { accessToken } = await login(server.url, username, `${username}-demo`);
  const res = await fetch(`${server.url}/api/agents/me/sign-in-context`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { recordingControl?: unknown }).recordingControl;
}

describe.each([false, true])('the desk learns whether it may control recordings (recording.agentControl %s)', (agentControl) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ recording: { agentControl } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('tells an agent what the policy says, and a supervisor that they may', async () => {
    expect(await recordingControl(server, 'alice')).toBe(agentControl);
    expect(await recordingControl(server, 'sam')).toBe(true);
  });
});
