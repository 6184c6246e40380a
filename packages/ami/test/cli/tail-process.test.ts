import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAmi } from '../support/fake-ami.ts';
import { until } from '../support/wait.ts';

const tail = fileURLToPath(new URL('../../src/cli/tail.ts', import.meta.url));
const fakes: FakeAmi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

describe('ami-tail process', () => {
  it('connects, prints live events one per line, and logs off on SIGINT', async () => {
    const fake = new FakeAmi({
      afterLogin: (s) => {
        s.event('FullyBooted', { Uptime: '3', Status: 'Fully Booted' });
        s.event('Newchannel', { Channel: 'PJSIP/1001-00000000', CallerIDName: 'Jane Customer' });
      },
    });
    fakes.push(fake);
    const port = await fake.listen();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', tail, '--host', '127.0.0.1', '--port', String(port), '--user', 'cti', '--secret', 'ctisecret'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => stdout.split('\n').length > 2, 20_000, 'two event lines');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} FullyBooted Uptime=3 Status="Fully Booted"$/);
    expect(lines[1]).toMatch(/ Newchannel Channel=PJSIP\/1001-00000000 CallerIDName="Jane Customer"$/);
    expect(stderr).toContain('authenticating -> ready: logged in [Asterisk Call Manager/11.0.0]');
    await until(() => fake.sessions[0]!.actionsNamed('Logoff').length === 1, 5_000, 'Logoff');
  }, 40_000);
});
