import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@amiable/protocol';
import WebSocket from 'ws';
import { buildFixture, type Fixture, login } from './helpers/fixture.ts';

// A self-signed certificate for 127.0.0.1, for tests only.
const key = readFileSync(new URL('./fixtures/tls-key.pem', import.meta.url));
const cert = readFileSync(new URL('./fixtures/tls-cert.pem', import.meta.url));

let fx: Fixture;
afterEach(async () => {
  await fx?.app.close();
});

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    request(url, { ca: cert }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('TLS', () => {
  it('serves REST over HTTPS and the WebSocket over WSS when given a key and certificate', async () => {
    fx = await buildFixture({ https: { key, cert } });
    const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
    expect(address).toMatch(/^https:/);
    const health = await getJson(`${address}/api/health`);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });

    const { accessToken } = await login(fx.app, 'alice');
    const ws = new WebSocket(`${address.replace('https', 'wss')}/api/ws`, { ca: cert });
    const welcome = await new Promise<{ op: string }>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ op: 'hello', v: PROTOCOL_VERSION, token: accessToken })));
      ws.on('message', (data) => resolve(JSON.parse(data.toString())));
      ws.on('error', reject);
    });
    expect(welcome.op).toBe('welcome');
    ws.terminate();
  });
});
