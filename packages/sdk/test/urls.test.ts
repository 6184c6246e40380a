import { describe, expect, it } from 'vitest';
import { encodeQuery } from '../src/http.ts';
import { webSocketUrl } from '../src/live/web-socket.ts';
import { jsonCodec } from '../src/wire/codec.ts';

describe('addresses and frames', () => {
  it('derives the WebSocket address from the base URL', () => {
    expect(webSocketUrl('https://cti.example.com/', '/api/ws')).toBe('wss://cti.example.com/api/ws');
    expect(webSocketUrl('http://10.0.0.5:8080/cti', '/api/ws')).toBe('ws://10.0.0.5:8080/cti/api/ws');
  });

  it('encodes query strings, repeating array values and skipping empty ones', () => {
    expect(encodeQuery({ queue: 'lang-en', agents: ['a 1', 'b'], empty: '', none: undefined, ok: false })).toBe('queue=lang-en&agents=a%201&agents=b&ok=false');
  });

  it('ignores frames it cannot read instead of failing the connection', () => {
    expect(jsonCodec.decode('not json')).toBeUndefined();
    expect(jsonCodec.decode('{"op":"unknown"}')).toBeUndefined();
    expect(jsonCodec.decode('{"op":"event","type":"agent.state"}')).toBeUndefined();
  });

  it('reads a refused command with its error body', () => {
    expect(jsonCodec.decode('{"op":"result","id":"x-1","ok":false,"error":{"code":"CTI_ERR_FORBIDDEN","message":"no"}}')).toEqual({
      kind: 'result',
      id: 'x-1',
      ok: false,
      error: { code: 'CTI_ERR_FORBIDDEN', message: 'no' },
    });
  });
});
