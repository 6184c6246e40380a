import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startPort } from './support/fakes.ts';
import { RawClient } from './support/raw-client.ts';

let h: Harness;
let c: RawClient;
beforeEach(async () => {
  h = await startPort();
  c = await RawClient.connect(h.port);
  expect((await c.login('agent1003', 'pw-1003')).get('Message')).toBe('Authentication accepted');
});
afterEach(async () => {
  c.close();
  await h.close();
});

/** After every refusal the session must still work. */
async function stillAlive(id: string): Promise<void> {
  c.action(['Action', 'Ping'], ['ActionID', id]);
  expect((await c.response(id)).get('Ping')).toBe('Pong');
}

describe('header injection and Asterisk’s input limits', () => {
  it('reads a header line smuggled inside a value as a header of its own, and refuses the Application it adds', async () => {
    const exten = '1002\r\nApplication: System';
    c.write(`Action: Originate\r\nActionID: inj\r\nChannel: PJSIP/1003\r\nExten: ${exten}\r\nData: touch /tmp/owned\r\n\r\n`);
    const reply = await c.response('inj');
    expect(reply.toObject()).toEqual({ Response: 'Error', ActionID: 'inj', Message: 'Permission denied' });
    expect(h.audit.at(-1)!.args).toMatchObject({ exten: '1002', application: 'System' });
    await stillAlive('p1');
    expect(h.upstream.received).toEqual([]);
  });

  it('turns an empty line inside a value into a second action, which is judged on its own', async () => {
    c.write(
      'Action: QueuePause\r\nActionID: a\r\nInterface: PJSIP/1003\r\nQueue: lang-en\r\nPaused: true\r\nReason: x\r\n\r\nAction: Command\r\nActionID: b\r\nCommand: core stop now\r\n\r\n',
    );
    expect((await c.response('a')).get('Response')).toBe('Success');
    expect((await c.response('b')).get('Message')).toBe('Permission denied');
    expect(h.upstream.received.map((r) => r.action)).toEqual([
      [
        ['Action', 'QueuePause'],
        ['Queue', 'lang-en'],
        ['Interface', 'PJSIP/1003'],
        ['Paused', 'true'],
        ['Reason', 'x'],
      ],
    ]);
  });

  it('refuses a line longer than 1 KiB like Asterisk, and forwards nothing', async () => {
    c.action(['Action', 'QueuePause'], ['ActionID', 'long'], ['Interface', 'PJSIP/1003'], ['Queue', 'lang-en'], ['Paused', 'true'], ['Reason', 'x'.repeat(1100)]);
    const reply = await c.response('long');
    expect(reply.toObject()).toEqual({ Response: 'Error', ActionID: 'long', Message: 'Failed to parse message: line too long' });
    expect(h.audit.at(-1)).toMatchObject({ result: 'error', errorCode: 'AMI_ERR_LIMIT' });
    await stillAlive('p2');
    expect(h.upstream.received).toEqual([]);
  });

  it('refuses more than 128 header lines, and forwards nothing', async () => {
    const filler = Array.from({ length: 125 }, (_, i) => [`X-Filler${i}`, 'y'] as [string, string]);
    c.action(['Action', 'QueuePause'], ['ActionID', 'many'], ['Interface', 'PJSIP/1003'], ['Paused', 'true'], ...filler);
    const reply = await c.response('many');
    expect(reply.get('Message')).toBe('Too many lines in message or allocation failure');
    await stillAlive('p3');
    expect(h.upstream.received).toEqual([]);
  });

  it('throws away a message far beyond any legal size and keeps serving the session', async () => {
    c.write(`Action: QueuePause\r\nReason: ${'z'.repeat(300_000)}\r\n\r\n`);
    const reply = await c.next((m) => m.get('Response') === 'Error');
    expect(reply.get('Message')).toBe('Failed to parse message: line too long');
    expect(h.audit.at(-1)).toMatchObject({ command: '(unparsed)', errorCode: 'AMI_ERR_MESSAGE_TOO_LARGE' });
    await stillAlive('p4');
    expect(h.upstream.received).toEqual([]);
  });

  it('refuses a NUL byte or a bare line continuation inside a value', async () => {
    c.write('Action: QueuePause\r\nActionID: nul\r\nInterface: PJSIP/1003\r\nQueue: lang-en\r\nPaused: true\r\nReason: lu\0nch\r\n\r\n');
    expect((await c.response('nul')).get('Message')).toBe('Failed to parse message: invalid header');
    c.write('Action: QueuePause\r\nActionID: cont\r\nInterface: PJSIP/1003\r\nQueue: lang-en\r\nPaused: true\r\nReason: lunch\r\nAction Originate\r\n\r\n');
    expect((await c.response('cont')).get('Response')).toBe('Error');
    expect(h.audit.slice(-2).map((a) => a.errorCode)).toEqual(['AMI_ERR_INVALID_HEADER', 'AMI_ERR_INVALID_HEADER']);
    await stillAlive('p5');
    expect(h.upstream.received).toEqual([]);
  });

  it('refuses action names that collide with object properties', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      c.action(['Action', name], ['ActionID', name]);
      expect((await c.response(name)).get('Message')).toBe('Permission denied');
    }
    await stillAlive('p6');
  });

  it('answers a request without Action like Asterisk', async () => {
    c.action(['ActionID', 'none'], ['Queue', 'lang-en']);
    expect((await c.response('none')).get('Message')).toBe('Missing action in request');
  });
});
