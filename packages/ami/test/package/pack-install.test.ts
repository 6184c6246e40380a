import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAmi } from '../support/fake-ami.ts';
import { parseTrace, readTraceBytes } from '../support/traces.ts';
import { until } from '../support/wait.ts';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
const pause = parseTrace(readTraceBytes('busy-center'), true).messages.find((m) => m.event === 'QueueMemberPause')!;

// A consumer sees only the tarball: no workspace, no source condition, no registry.
const env = { ...process.env, NODE_OPTIONS: '', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

let work: string;
let app: string;
const fakes: FakeAmi[] = [];

function fakeAmi(): FakeAmi {
  const fake = new FakeAmi({
    afterLogin: (s) => {
      s.event('FullyBooted', { Uptime: '3', Status: 'Fully Booted' });
      s.send(pause.pairs());
    },
  });
  fakes.push(fake);
  return fake;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'amiable-ami-pack-'));
  await run('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: packageDir, env });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  await run('npm', ['install', join(work, tarball)], { cwd: app, env });
}, 180_000);

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed @amiable/ami, installed from its tarball into a scratch project', () => {
  it('ships compiled JavaScript, declarations and the bin, and no TypeScript sources', async () => {
    const { stdout } = await run('npm', ['ls', '--json', '--long'], { cwd: app, env });
    expect(JSON.parse(stdout).dependencies['@amiable/ami'].version).toBe('0.1.0');
    const files = readdirSync(join(app, 'node_modules/@amiable/ami'), { recursive: true }).map(String);
    expect(files).toContain(join('dist', 'index.js'));
    expect(files).toContain(join('dist', 'index.d.ts'));
    expect(files).toContain(join('dist', 'cli', 'tail.js'));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('connects with the public API: typed on(), the event iterator and connect({ signal })', async () => {
    const port = await fakeAmi().listen();
    writeFileSync(
      join(app, 'main.mjs'),
      `import { createAmiClient, createTcpTransport, AmiAbortedError } from '@amiable/ami';
import { AmiParser } from '@amiable/ami/codec';
const client = createAmiClient({
  transport: () => createTcpTransport({ host: '127.0.0.1', port: ${port} }),
  username: 'cti', secret: 'ctisecret', keepalive: false, reconnect: false,
});
const out = { parser: typeof AmiParser };
const paused = new Promise((resolve) => client.on('QueueMemberPause', (e) => resolve(e.Interface)));
const names = [];
const loop = (async () => {
  for await (const e of client.events()) { names.push(e.event); if (names.length === 2) break; }
})();
await client.connect({ signal: AbortSignal.timeout(20000) });
out.interface = await paused;
await loop;
out.names = names;
out.pong = (await client.send({ Action: 'Ping' })).get('Ping');
await client.close();
const refused = createAmiClient({ transport: () => createTcpTransport({ host: '127.0.0.1', port: ${port} }), username: 'x', secret: 'y' });
out.aborted = await refused.connect({ signal: AbortSignal.abort() }).catch((e) => e instanceof AmiAbortedError);
console.log(JSON.stringify(out));
`,
    );
    const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: app, env, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({
      parser: 'function',
      interface: pause.get('Interface'),
      names: ['FullyBooted', 'QueueMemberPause'],
      pong: 'Pong',
      aborted: true,
    });
  }, 60_000);

  it('type-checks a TypeScript consumer against the shipped declarations', async () => {
    writeFileSync(
      join(app, 'typed.ts'),
      `import { createAmiClient, createTcpTransport, type AmiMessage } from '@amiable/ami';
const client = createAmiClient({ transport: () => createTcpTransport({ host: 'pbx', port: 5038 }), username: 'u', secret: 's' });
client.on('QueueMemberPause', (e) => { const iface: string = e.Interface; void iface; });
export function reason(m: AmiMessage): string | undefined {
  if (m.is('QueueMemberPause')) { const q: string = m.get('Queue'); return q + m.get('PausedReason'); }
  return undefined;
}
`,
    );
    writeFileSync(
      join(app, 'bad.ts'),
      `import { createAmiClient, createTcpTransport } from '@amiable/ami';
const client = createAmiClient({ transport: () => createTcpTransport({ host: 'pbx', port: 5038 }), username: 'u', secret: 's' });
client.on('QueueMemberPause', (e) => { const n: number = e.Interface; void n; });
`,
    );
    const args = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit'];
    const types = ['--skipLibCheck', '--typeRoots', join(packageDir, '../../node_modules/@types'), '--types', 'node'];
    const checked = await run(process.execPath, [tsc, ...args, ...types, 'typed.ts', 'bad.ts'], { cwd: app, env }).then(
      () => ({ stdout: '' }),
      (e: { stdout: string }) => e,
    );
    // Exactly one error: the deliberate one in bad.ts. typed.ts compiles cleanly.
    expect(checked.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^bad\.ts\(3,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\.$/),
    ]);
  }, 60_000);

  it('runs the ami-tail bin on plain Node', async () => {
    const fake = fakeAmi();
    const port = await fake.listen();
    const bin = join(app, 'node_modules/.bin/ami-tail');
    const child: ChildProcess = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), '--user', 'cti', '--secret', 'ctisecret'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => stdout.split('\n').length > 2, 20_000, 'two event lines');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/ FullyBooted Uptime=3 Status="Fully Booted"$/);
    expect(lines[1]).toContain(` QueueMemberPause Queue=${pause.get('Queue')} `);
    expect(lines[1]).toContain(` Interface=${pause.get('Interface')} `);
    expect(stderr).toContain('authenticating -> ready: logged in');
  }, 40_000);
});
