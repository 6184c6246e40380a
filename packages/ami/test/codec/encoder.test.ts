import { describe, expect, it } from 'vitest';
import {
  AMI_MAX_HEADERS,
  ActionIdGenerator,
  AmiInvalidHeaderError,
  AmiLimitError,
  AmiParser,
  type AmiMessage,
  encodeAction,
  encodeMessage,
} from '../../src/index.ts';

describe('encodeAction (reference 2.1)', () => {
  it('writes headers in order with CRLF and a blank line, arrays as repeated headers', () => {
    const bytes = encodeAction({ Action: 'Originate', Channel: 'PJSIP/1001', Variable: ['A=1', 'B=2'], Async: true, Skip: undefined });
    expect(bytes.toString()).toBe('Action: Originate\r\nChannel: PJSIP/1001\r\nVariable: A=1\r\nVariable: B=2\r\nAsync: true\r\n\r\n');
  });

  it('refuses CR, LF or NUL in a value (header injection), so nothing can be written', () => {
    for (const bad of ['lunch\r\n\r\nAction: Originate', 'a\nb', 'a\rb', 'a\0b']) {
      expect(() => encodeAction({ Action: 'QueuePause', Reason: bad })).toThrow(AmiInvalidHeaderError);
    }
  });

  it('refuses keys with a colon, a space or a line break', () => {
    for (const key of ['Bad Key', 'Bad:Key', 'Bad\r\nKey', '']) {
      expect(() => encodeAction([['Action', 'Ping'], [key, 'x']])).toThrow(AmiInvalidHeaderError);
    }
  });

  it('refuses an action whose first header is not Action', () => {
    expect(() => encodeAction([['Channel', 'x']])).toThrow(AmiInvalidHeaderError);
  });

  it('enforces Asterisk input limits: 1 KiB per line and 128 headers', () => {
    expect(() => encodeAction({ Action: 'Originate', Data: 'x'.repeat(1100) })).toThrow(AmiLimitError);
    const pairs: Array<[string, string]> = [['Action', 'Originate']];
    for (let i = 0; i < AMI_MAX_HEADERS; i++) pairs.push(['Variable', `V${i}=1`]);
    expect(() => encodeAction(pairs)).toThrow(AmiLimitError);
  });

  it('round-trips through the parser', () => {
    const messages: AmiMessage[] = [];
    new AmiParser({ message: (m) => messages.push(m) }).push(encodeAction({ Action: 'QueueAdd', Queue: 'lang-en', Interface: 'PJSIP/1003' }));
    expect(messages[0]!.fields).toEqual(['Action', 'QueueAdd', 'Queue', 'lang-en', 'Interface', 'PJSIP/1003']);
  });
});

describe('encodeMessage', () => {
  it('writes a server-side message and refuses line breaks', () => {
    expect(encodeMessage([['Response', 'Success'], ['Ping', 'Pong']])).toBe('Response: Success\r\nPing: Pong\r\n\r\n');
    expect(() => encodeMessage([['Message', 'a\r\nb']])).toThrow(AmiInvalidHeaderError);
  });
});

describe('ActionIdGenerator (pitfall 19)', () => {
  it('makes unique IDs with an instance prefix and recognises its own', () => {
    const a = new ActionIdGenerator();
    const b = new ActionIdGenerator();
    const ids = new Set(Array.from({ length: 1000 }, () => a.next()));
    expect(ids.size).toBe(1000);
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.owns(a.next())).toBe(true);
    expect(a.owns(b.next())).toBe(false);
    expect(a.owns(a.prefix)).toBe(false);
    expect(a.owns(undefined)).toBe(false);
  });
});
