import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReplayServer, loadTranscript, startReplayServer } from '../src/index.ts';
import { RawAmiClient, settle } from './support/raw-ami-client.ts';
import { TRACES } from './support/trace.ts';

const SCREEN_POP = join(TRACES, 'screen-pop');

async function loginAndCollect(server: ReplayServer, waitForBytes: number): Promise<Buffer> {
  const c = await RawAmiClient.connect(server.port);
  c.write('Action: Login\r\nActionID: mine-1\r\nUsername: cti\r\nSecret: anything\r\n\r\n');
  for (let i = 0; i < 2000 && Buffer.concat(c.raw).length < waitForBytes; i++) await new Promise((r) => setTimeout(r, 2));
  await settle();
  c.close();
  return Buffer.concat(c.raw);
}

describe('transcript replayer', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers the client login with its own ActionID, then serves the recorded bytes unchanged', async () => {
    server = await startReplayServer({ transcript: SCREEN_POP, pacing: 'fast' });
    const t = loadTranscript(SCREEN_POP);
    const head = 'Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: mine-1\r\nMessage: Authentication accepted\r\n\r\n';
    const got = await loginAndCollect(server, head.length + t.body.length);
    expect(got.subarray(0, head.length).toString()).toBe(head);
    expect(got.subarray(head.length).equals(t.body)).toBe(true);
    const file = readFileSync(join(SCREEN_POP, 'received.ami'));
    expect(file.subarray(file.length - t.body.length).equals(t.body)).toBe(true);
  });

  it('paces the stream with the recorded timeline and keeps every byte', async () => {
    const t = loadTranscript(SCREEN_POP);
    expect(t.chunks.length).toBeGreaterThan(10);
    expect(Buffer.concat(t.chunks.map((c) => c.bytes)).equals(t.body)).toBe(true);
    const last = t.chunks[t.chunks.length - 1]!.atMs;
    expect(last).toBeGreaterThan(9000);
    server = await startReplayServer({ transcript: SCREEN_POP, pacing: 'recorded', speed: 100 });
    const head = 'Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: mine-1\r\nMessage: Authentication accepted\r\n\r\n';
    const got = await loginAndCollect(server, head.length + t.body.length);
    expect(got.subarray(head.length).equals(t.body)).toBe(true);
  });

  it('refuses actions before login and keeps what each client sent', async () => {
    server = await startReplayServer({ transcript: SCREEN_POP, pacing: 'fast', users: [{ username: 'cti', secret: 'ctisecret' }] });
    const c = await RawAmiClient.connect(server.port);
    const r = await c.action({ Action: 'Ping' });
    expect(r.get('Message')).toBe('Permission denied');
    const bad = await c.action({ Action: 'Login', Username: 'cti', Secret: 'wrong' });
    expect(bad.get('Message')).toBe('Authentication failed');
    await c.waitClosed();
    expect(Buffer.concat(server.received[0]!).toString()).toContain('Secret: wrong');
  });
});
