import { describe, expect, it } from 'vitest';
import { type AmiError, AmiMessage, AmiParser } from '../../src/index.ts';
import { parseTrace, readTraceBytes, repliesTo } from '../support/traces.ts';

/** Parse `text` delivered in the given pieces (default: whole). */
function parse(pieces: Array<string | Buffer> | string, options: { expectBanner?: boolean; maxMessageBytes?: number } = {}) {
  const messages: AmiMessage[] = [];
  const errors: AmiError[] = [];
  let banner: string | undefined;
  const parser = new AmiParser(
    { message: (m) => messages.push(m), banner: (b) => (banner = b), error: (e) => errors.push(e) },
    options,
  );
  for (const p of typeof pieces === 'string' ? [pieces] : pieces) parser.push(typeof p === 'string' ? Buffer.from(p) : p);
  return { messages, errors, banner, parser };
}

describe('framing quirks (reference 1.2, pitfall 2)', () => {
  it('ends a message at CRLF CRLF', () => {
    const { messages } = parse('Event: A\r\nX: 1\r\n\r\nEvent: B\r\n\r\n');
    expect(messages.map((m) => m.event)).toEqual(['A', 'B']);
    expect(messages[0]!.fields).toEqual(['Event', 'A', 'X', '1']);
  });

  it('ends a message at CRLF LF (CoreShowChannelMap in 18.19-18.23, 20.4-20.8, 21.0-21.3) without merging the next', () => {
    const { messages } = parse('Event: CoreShowChannelMap\r\nChannel: PJSIP/1001-00000001\r\n\nEvent: Next\r\n\r\n');
    expect(messages.map((m) => m.event)).toEqual(['CoreShowChannelMap', 'Next']);
    expect(messages[0]!.get('Channel')).toBe('PJSIP/1001-00000001');
  });

  it('accepts bare LF line ends (LF LF terminator)', () => {
    const { messages } = parse('Event: A\nKey: v\n\nEvent: B\n\n');
    expect(messages.map((m) => m.fields)).toEqual([
      ['Event', 'A', 'Key', 'v'],
      ['Event', 'B'],
    ]);
  });

  it('reads a stray LF inside Message (PJSIPShowEndpoints: "No endpoints found\\n") as the end of the value', () => {
    const { messages } = parse(
      'Response: Error\r\nActionID: a-1\r\nMessage: No endpoints found\n\r\n\r\nResponse: Success\r\nActionID: a-2\r\n\r\n',
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]!.get('Message')).toBe('No endpoints found');
    expect(messages[0]!.actionId).toBe('a-1');
    expect(messages[1]!.actionId).toBe('a-2');
  });

  it('drops extra blank lines between messages without making empty messages', () => {
    const { messages } = parse('\r\n\r\nEvent: TestEvent\r\n\r\n\r\n\r\n\n\r\nEvent: B\r\n\r\n\r\n');
    expect(messages.map((m) => m.event)).toEqual(['TestEvent', 'B']);
  });

  it('keeps a UTF-8 character intact when a chunk boundary splits it', () => {
    const bytes = Buffer.from('Event: Newchannel\r\nCallerIDName: Jörg 李小龍 Ελένη\r\n\r\n');
    const at = bytes.indexOf(Buffer.from('李')) + 1; // inside the 3-byte sequence
    const { messages } = parse([bytes.subarray(0, at), bytes.subarray(at, at + 1), bytes.subarray(at + 1)]);
    expect(messages[0]!.get('CallerIDName')).toBe('Jörg 李小龍 Ελένη');
  });

  it('reads a banner split across chunks and then frames messages', () => {
    const { banner, messages } = parse(['Asterisk Call ', 'Manager/11.0.0\r', '\nResponse: Success\r\n\r\n'], {
      expectBanner: true,
    });
    expect(banner).toBe('Asterisk Call Manager/11.0.0');
    expect(messages).toHaveLength(1);
  });
});

describe('header quirks (reference 1.3, pitfalls 6, 7, 27)', () => {
  it('keeps repeated Variable headers of a Status item in order; get() returns the first', () => {
    const { messages } = parse(
      'Event: Status\r\nPrivilege: Call\r\nChannel: PJSIP/1001-00000000\r\nVariable: CUSTOMER_LANG=en\r\nVariable: QUEUENAME=lang-en\r\nActionID: s-1\r\n\r\n',
    );
    expect(messages[0]!.getAll('Variable')).toEqual(['CUSTOMER_LANG=en', 'QUEUENAME=lang-en']);
    expect(messages[0]!.get('Variable')).toBe('CUSTOMER_LANG=en');
  });

  it('keeps repeated ChanVariable and DestChanVariable headers', () => {
    const { messages } = parse(
      'Event: DialBegin\r\nChanVariable: A=1\r\nChanVariable: B=2\r\nDestChanVariable: A=3\r\nDestChanVariable: B=4\r\n\r\n',
    );
    expect(messages[0]!.getAll('ChanVariable')).toEqual(['A=1', 'B=2']);
    expect(messages[0]!.getAll('DestChanVariable')).toEqual(['A=3', 'B=4']);
  });

  it('keeps every Output line of a Command reply, including empty ones', () => {
    const { messages } = parse(
      'Response: Success\r\nActionID: c-1\r\nMessage: Command output follows\r\nOutput: Asterisk 22.10.1\r\nOutput: \r\nOutput: built by root\r\n\r\n',
    );
    expect(messages[0]!.getAll('Output')).toEqual(['Asterisk 22.10.1', '', 'built by root']);
  });

  it('keeps the channel name inside a ChanVariable(PJSIP/...) key', () => {
    const { messages } = parse(
      'Event: OriginateResponse\r\nChanVariable(PJSIP/1001-0000002a): CTI_CALL=42\r\nChanVariable(PJSIP/1001-0000002a): X=y\r\n\r\n',
    );
    expect(messages[0]!.getAll('ChanVariable(PJSIP/1001-0000002a)')).toEqual(['CTI_CALL=42', 'X=y']);
    expect(messages[0]!.fields[1 * 2]).toBe('ChanVariable(PJSIP/1001-0000002a)');
  });

  it('accepts JSON-built keys with (n) and / in them', () => {
    const { messages } = parse('Event: X\r\nKey(0): a\r\nParent/Child: b\r\n\r\n');
    expect(messages[0]!.get('Key(0)')).toBe('a');
    expect(messages[0]!.get('Parent/Child')).toBe('b');
  });

  it('splits on the first colon only, so values keep their colons', () => {
    const { messages } = parse(
      'Response: Error\r\nMessage: Invalid/unknown command: X. Use Action: ListCommands to show available commands.\r\nValue: sip:1001@10.0.0.1:5060\r\n\r\n',
    );
    expect(messages[0]!.get('Message')).toBe('Invalid/unknown command: X. Use Action: ListCommands to show available commands.');
    expect(messages[0]!.get('Value')).toBe('sip:1001@10.0.0.1:5060');
  });

  it('reads empty values, with or without the space after the colon', () => {
    const { messages } = parse('Event: Newchannel\r\nAccountCode: \r\nLanguage:\r\nExten: s\r\n\r\n');
    expect(messages[0]!.get('AccountCode')).toBe('');
    expect(messages[0]!.get('Language')).toBe('');
    expect(messages[0]!.has('AccountCode')).toBe(true);
  });

  it('skips exactly one space after the colon and keeps trailing blanks', () => {
    const { messages } = parse('Event: X\r\nA:value\r\nB:  two\r\nC: tail  \r\n\r\n');
    expect(messages[0]!.get('A')).toBe('value');
    expect(messages[0]!.get('B')).toBe(' two');
    expect(messages[0]!.get('C')).toBe('tail  ');
  });

  it('looks keys up without regard to case (Uniqueid vs UniqueID, Linkedid vs LinkedID)', () => {
    const { messages } = parse('Event: Cdr\r\nUniqueID: 1795671580.0\r\nLinkedID: 1795671580.0\r\n\r\nEvent: Newchannel\r\nUniqueid: 1795671580.1\r\n\r\n');
    expect(messages[0]!.get('Uniqueid')).toBe('1795671580.0');
    expect(messages[0]!.get('linkedid')).toBe('1795671580.0');
    expect(messages[1]!.get('UniqueID')).toBe('1795671580.1');
  });

  it('finds the ActionID placed last in QueueStatus items of the recorded resync', () => {
    const { messages } = parseTrace(readTraceBytes('reconnect-resync', 'resync-received.ami'), true);
    const items = messages.filter((m) => m.event === 'QueueMember');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.fields.at(-2)).toBe('ActionID');
      expect(item.actionId).toBe('resync-31303-401');
    }
    const list = repliesTo(messages, 'resync-31303-401');
    expect(list[0]!.get('EventList')).toBe('start');
    expect(list.at(-1)!.event).toBe('QueueStatusComplete');
  });
});

describe('classification (reference 1.4, pitfall 3)', () => {
  it('classifies OriginateResponse as an event although it carries Response and ActionID', () => {
    const { messages } = parseTrace(readTraceBytes('originate-click-to-dial'), true);
    const originate = messages.find((m) => m.event === 'OriginateResponse')!;
    expect(originate.kind).toBe('event');
    expect(originate.response).toBe('Success');
    expect(originate.actionId).toBe('main-31303-209');
    expect(messages.filter((m) => m.kind === 'response').map((m) => m.get('Message'))).toContain(
      'Originate successfully queued',
    );
  });

  it('lets the first Event header of a UserEvent win over a second one in its body', () => {
    const { messages } = parse('Event: UserEvent\r\nUserEvent: CtiPing\r\nEvent: Hangup\r\nActionID: spoofed\r\n\r\n');
    expect(messages[0]!.event).toBe('UserEvent');
    expect(messages[0]!.get('Event')).toBe('UserEvent');
    expect(messages[0]!.getAll('Event')).toEqual(['UserEvent', 'Hangup']);
  });

  it('classifies a message without Event as a response', () => {
    const { messages } = parse('Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n');
    expect(messages[0]!.kind).toBe('response');
    expect(messages[0]!.event).toBeUndefined();
  });
});

describe('message size cap', () => {
  it('discards a message over the cap, reports it, and parses the next one', () => {
    const big = `Event: Big\r\n${'X: '.padEnd(600, 'y')}\r\n${'Z: '.padEnd(600, 'z')}\r\n\r\n`;
    const { messages, errors, parser } = parse(
      [big.slice(0, 700), big.slice(700), 'Event: Small\r\n\r\n'],
      { maxMessageBytes: 512 },
    );
    expect(messages.map((m) => m.event)).toEqual(['Small']);
    expect(errors.map((e) => e.code)).toEqual(['AMI_ERR_MESSAGE_TOO_LARGE']);
    expect(parser.buffered).toBe(0);
  });

  it('keeps the discarded line non-empty when a chunk ends on its CR, so the next message is not swallowed', () => {
    const line = `X: ${'y'.repeat(700)}`;
    const { messages, errors } = parse([`Event: Big\r\n${line}\r`, '\n\r\nEvent: Next\r\n\r\n'], {
      maxMessageBytes: 256,
    });
    expect(errors).toHaveLength(1);
    expect(messages.map((m) => m.fields)).toEqual([['Event', 'Next']]);
  });

  it('holds no more than the cap while a huge message streams in', () => {
    const parser = new AmiParser({ message: () => {} }, { maxMessageBytes: 1024 });
    parser.push(Buffer.from('Event: Flood\r\n'));
    for (let i = 0; i < 1000; i++) {
      parser.push(Buffer.from(`K${i}: ${'v'.repeat(100)}\r\n`));
      expect(parser.buffered).toBeLessThanOrEqual(1024);
    }
  });
});

describe('AmiMessage', () => {
  it('looks keys up in long messages (indexed path) with first-wins semantics', () => {
    const fields: string[] = ['Event', 'QueueMember'];
    for (let i = 0; i < 20; i++) fields.push(`K${i}`, `v${i}`);
    fields.push('k3', 'second');
    const m = new AmiMessage(fields, 5);
    expect(m.get('K3')).toBe('v3');
    expect(m.get('k19')).toBe('v19');
    expect(m.getAll('K3')).toEqual(['v3', 'second']);
    expect(m.receivedAt).toBe(5);
    expect(m.size).toBe(22);
    expect(m.toObject().K3).toBe('v3');
  });
});
