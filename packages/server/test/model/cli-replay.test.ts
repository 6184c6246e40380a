import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.ts';
import { main } from '../../src/cli/cti.ts';
import { tracePath } from './helpers.ts';

const run = promisify(execFile);
const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../bin/cti.mjs');

async function cti(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

const lines = (out: string): Array<Record<string, unknown>> =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('cti replay', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cti-replay-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints one JSON line per call and per agent interval (screen-pop --json)', async () => {
    const { code, out, err } = await cti('replay', tracePath('screen-pop'), '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const rows = lines(out);
    expect(rows.map((r) => r.type)).toEqual(['call', 'agent-interval', 'agent-interval', 'agent-interval', 'agent-interval']);
    expect(rows[0]).toMatchObject({
      type: 'call',
      callerNumber: '+15551234567',
      callerName: 'Jane Customer',
      queue: 'lang-en',
      outcome: 'answered',
      answeredBy: '1001',
      hangupBy: 'caller',
      transfers: [],
    });
    expect(rows[0]!.waitSeconds as number).toBeCloseTo(3.025, 3);
    expect(rows[0]!.talkSeconds as number).toBeCloseTo(5.01, 3);
    expect(rows[2]).toMatchObject({ type: 'agent-interval', extension: '1001', state: 'ringing', reason: null, queue: null });
    expect(rows[2]!.from as number).toBeCloseTo(1795671421.236694, 3); // AgentCalled
    expect(rows[2]!.to as number).toBeCloseTo(1795671424.256693, 3); // DialEnd ANSWER
  });

  it('prints queue null for a direct call and the transfer chain for a blind transfer', async () => {
    const direct = lines((await cti('replay', tracePath('direct-call'), '--json')).out);
    expect(direct).toHaveLength(1);
    expect(direct[0]).toMatchObject({ type: 'call', queue: null, answeredBy: '1002', outcome: 'answered' });
    const blind = lines((await cti('replay', tracePath('blind-transfer'), '--json')).out).filter((r) => r.type === 'call');
    expect(blind[0]!.transfers).toMatchObject([{ type: 'blind', from: '1001', to: '1002' }]);
  });

  it('prints readable tables without --json', async () => {
    const { code, out } = await cti('replay', tracePath('signin-signout'));
    expect(code).toBe(0);
    expect(out).toContain('Calls (0), clock: timeline');
    expect(out).toContain('Agent intervals (3)');
    expect(out).toMatch(/1003\s+paused\s+wrapup\s+all/);
  });

  it('falls back to Timestamp: headers, then to a synthetic clock, when there is no timeline', async () => {
    const bare = join(tmp, 'received.ami');
    copyFileSync(tracePath('abandon-empty'), bare);
    const synthetic = await cti('replay', bare, '--json', '--start', '1000');
    expect(synthetic.code).toBe(0);
    expect(synthetic.err).toContain('synthetic clock');
    const call = lines(synthetic.out)[0]!;
    expect(call.outcome).toBe('abandoned');
    expect(call.startedAt as number).toBeGreaterThanOrEqual(1000);
    expect(call.startedAt as number).toBeLessThan(1001); // 1 ms per message

    const stamped = join(tmp, 'stamped.ami');
    const stamp = (t: string) => `Event: Newchannel\r\nPrivilege: call,all\r\nTimestamp: ${t}\r\n`;
    const block = (t: string, event: string, extra: string) =>
      `${stamp(t).replace('Newchannel', event)}Channel: PJSIP/lab-trunk-00000000\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: +15550001111\r\nCallerIDName: Stamp Test\r\nContext: from-trunk\r\nExten: 5550100\r\nUniqueid: 42.0\r\nLinkedid: 42.0\r\n${extra}\r\n`;
    writeFileSync(
      stamped,
      `Asterisk Call Manager/11.0.0\r\n${block('1795670000.500000', 'Newchannel', '')}${block('1795670004.250000', 'Hangup', 'Cause: 16\r\nCause-txt: Normal Clearing\r\n')}`,
    );
    const withStamps = lines((await cti('replay', stamped, '--json')).out);
    expect(withStamps[0]!.startedAt as number).toBeCloseTo(1795670000.5, 3);
    expect(withStamps[0]!.endedAt as number).toBeCloseTo(1795670004.25, 3);
  });

  it('takes the wrap-up policy from options', async () => {
    const rows = lines((await cti('replay', tracePath('screen-pop'), '--json', '--wrapup-queue', 'lang-en=1')).out);
    expect(rows.filter((r) => r.state === 'wrap-up')).toHaveLength(1);
    expect(rows[0]!.wrapupSeconds as number).toBeCloseTo(1, 3);
  });

  it('explains usage errors and unreadable files with their codes', async () => {
    const missing = await cti('replay');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('CTI_ERR_CLI_USAGE');
    expect((await cti('replay', 'x.ami', '--bogus')).code).toBe(2);
    const unreadable = await cti('replay', join(tmp, 'nope.ami'));
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('CTI_ERR_REPLAY_INPUT');
    const unknown = await cti('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('replay');
    expect((await cti('help')).out).toContain('replay');
  });

  it('runs from the bin launcher through tsx', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'replay', tracePath('abandon'), '--json']);
    const rows = lines(stdout);
    expect(rows[0]).toMatchObject({ type: 'call', callerName: 'Pierre Abandon', outcome: 'abandoned', queue: 'lang-fr' });
  });
});
