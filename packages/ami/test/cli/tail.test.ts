import { describe, expect, it } from 'vitest';
import { AmiMessage } from '../../src/index.ts';
import { formatEventLine } from '../../src/cli/format-event.ts';
import { parseTailArgs } from '../../src/cli/tail-args.ts';

describe('ami-tail', () => {
  it('prints an event on one line with time, name and key=value pairs, quoting values with spaces', () => {
    const event = new AmiMessage(
      ['Event', 'Newchannel', 'Privilege', 'call,all', 'Channel', 'PJSIP/1001-00000000', 'CallerIDName', 'Jane Customer', 'AccountCode', '', 'Message', 'a\nb'],
      Date.UTC(2026, 10, 26, 5, 43, 7, 343),
    );
    expect(formatEventLine(event)).toBe(
      '05:43:07.343 Newchannel Channel=PJSIP/1001-00000000 CallerIDName="Jane Customer" AccountCode="" Message=a\\nb',
    );
  });

  it('parses the README quick-start command line, with TLS defaulting to port 5039', () => {
    expect(parseTailArgs(['--host', '127.0.0.1', '--port', '5038', '--user', 'cti', '--secret', 'x'])).toMatchObject({
      host: '127.0.0.1',
      port: 5038,
      user: 'cti',
      secret: 'x',
      tls: false,
      events: 'on',
    });
    expect(parseTailArgs(['--user', 'cti', '--tls', '--insecure'], { AMI_SECRET: 's' })).toMatchObject({ port: 5039, secret: 's', insecure: true });
    expect(parseTailArgs(['--help'])).toBe('help');
  });

  it('explains what is missing or wrong', () => {
    expect(() => parseTailArgs(['--secret', 'x'])).toThrow('--user is required');
    expect(() => parseTailArgs(['--user', 'cti'])).toThrow('--secret');
    expect(() => parseTailArgs(['--user', 'cti', '--secret', 'x', '--port', '99999'])).toThrow('Invalid --port');
    expect(() => parseTailArgs(['--user', 'cti', '--secret', 'x', '--bogus'])).toThrow();
  });
});
