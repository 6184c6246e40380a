import { expect } from 'vitest';

/** REST calls as the demo admin, over the server's real HTTP port. */
export async function adminApi(base: string, username = 'admin', password = 'admin-demo') {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    call,
    /** An API key scoped to these queues (an integration), and a subscription of it to `types` at `url`. */
    async integration(name: string, queues: string[], url: string, types: string[]) {
      const key = await call<{ id: string }>('POST', '/api/api-keys', { name, scope: { agents: [], extensions: [], queues } });
      expect(key.status, JSON.stringify(key.body)).toBe(201);
      const sub = await call<{ id: string; secret: string }>('POST', '/api/webhooks', { apiKeyId: key.body.id, url, eventTypes: types });
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      return { keyId: key.body.id, subscriptionId: sub.body.id, secret: sub.body.secret };
    },
    async deliveries(subscriptionId: string) {
      const log = await call<{ items: Array<{ id: string; status: string; attempts: number; lastError: string | null; responseCode: number | null; eventType: string }> }>(
        'GET',
        `/api/webhooks/${subscriptionId}/deliveries?limit=500`,
      );
      expect(log.status).toBe(200);
      return log.body.items;
    },
  };
}
