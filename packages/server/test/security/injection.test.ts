import { AmiParser } from '@amiable/ami';
import { COMMAND_CATALOGUE, type CommandName } from '@amiable/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../ami-port/support/raw-client.ts';
import { stringFields } from '../gateway/helpers/schema-walk.ts';
import { TestClient } from '../gateway/helpers/ws-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { command, login, sleep, testPasswordHash, userIdOf } from './support/identities.ts';

/**
 * CR, LF, NUL and over-long values in every string field of every command, on REST, on the
 * WebSocket and on the AMI-compatible port: each refused with a clear error, and the PBX
 * receives nothing from any of them (only the server's own keepalive pings).
 */

const BAD_VALUES: Array<[string, string]> = [
  ['CR', 'lang-en\rAction: Command'],
  ['LF', 'lang-en\nAction: Command'],
  ['CRLF', 'lang-en\r\nAction: Command\r\nCommand: core stop now'],
  ['NUL', 'lang\0en'],
  ['over-long', 'x'.repeat(5000)],
];

function withValue(example: unknown, path: string[], value: string): unknown {
  const copy = structuredClone(example ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
    } else {
      node[key] ??= path[i + 1] === '0' ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  }
  return copy;
}

/** Every (command, field, bad value) combination. */
const CASES = (Object.keys(COMMAND_CATALOGUE) as CommandName[]).flatMap((name) => {
  const def = COMMAND_CATALOGUE[name];
  return stringFields(def.args).flatMap((field) =>
    BAD_VALUES.map(([label, value]) => ({ name, field: field.path.join('.'), label, args: withValue(def.example, field.path, value) })),
  );
});

/** The actions in the bytes the PBX received from the CTI server after `offset`. */
function actionsSince(server: TestServer, offset: number): string[] {
  const session = server.demo!.sim.sessions().find((s) => s.username === 'cti' && !s.closed)!;
  const actions: string[] = [];
  const parser = new AmiParser({ message: (m) => actions.push(m.get('Action') ?? '(none)') });
  parser.push(session.receivedBytes().subarray(offset));
  return actions;
}

function pbxBytes(server: TestServer): number {
  return server.demo!.sim.sessions().find((s) => s.username === 'cti' && !s.closed)!.receivedBytes().length;
}

describe('injection through every command field on every channel', () => {
  let server: TestServer;
  let adminToken: string;
  let aliceToken: string;

  beforeAll(async () => {
    server = await startTestServer({
      amiPort: { enabled: true, port: 0 },
      auth: { loginAttemptsPerMinute: 10_000 },
      // Hundreds of attempts on one socket: far above what a desk sends.
      ws: { maxFramesPerSecond: 10_000, frameBurst: 10_000 },
    });
    const hash = await testPasswordHash();
    for (const u of ['admin', 'alice']) await server.repos.users.update(await userIdOf(server, u), { passwordHash: hash });
    await server.agents.signIn(await userIdOf(server, 'alice'), {});
    adminToken = (await login(server.url, 'admin')).accessToken;
    aliceToken = (await login(server.url, 'alice')).accessToken;
    await sleep(300);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('has a case for every string field of every command', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(15);
    expect(CASES.length).toBeGreaterThan(100);
  });

  it('refuses every tainted value over REST with CTI_ERR_VALIDATION, for an admin and an agent, and sends the PBX nothing', async () => {
    const before = pbxBytes(server);
    const accepted: string[] = [];
    for (const c of CASES) {
      for (const token of [adminToken, aliceToken]) {
        const reply = await command(server.url, token, c.name, c.args);
        if (reply.status !== 400 || reply.body.code !== 'CTI_ERR_VALIDATION' || typeof reply.body.message !== 'string') {
          accepted.push(`${c.name} ${c.field} ${c.label}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    await sleep(200);
    expect(actionsSince(server, before).filter((a) => a !== 'Ping')).toEqual([]);
  }, 120_000);

  it('refuses every tainted value over the WebSocket with a validation result, keeps the socket, and sends the PBX nothing', async () => {
    const before = pbxBytes(server);
    const ws = await TestClient.connect(`${server.url.replace('http', 'ws')}/api/ws`, adminToken);
    const accepted: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const result = await ws.command(`c${i}`, c.name, c.args);
      const error = result.error as { code?: string; message?: string } | undefined;
      if (result.ok !== false || error?.code !== 'CTI_ERR_VALIDATION' || !error.message) {
        accepted.push(`${c.name} ${c.field} ${c.label}: ${JSON.stringify(result).slice(0, 200)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(ws.closed).toBeNull();
    // The socket still works.
    ws.send({ op: 'ping', id: 'alive' });
    await ws.waitFor((f) => f.op === 'pong' && f.id === 'alive');
    ws.close();
    await sleep(200);
    expect(actionsSince(server, before).filter((a) => a !== 'Ping')).toEqual([]);
  }, 120_000);

  it('refuses NUL bytes, smuggled headers, dangerous actions and over-long lines on the AMI-compatible port, and forwards nothing', async () => {
    const before = pbxBytes(server);
    const ami = await RawClient.connect(server.amiPort!.port);
    try {
      expect((await ami.login('alice', 'scope-test-password')).get('Response')).toBe('Success');
      const fields: Array<[string, Array<[string, string]>, string]> = [
        ['QueuePause', [['Interface', 'PJSIP/1001'], ['Queue', 'lang-en'], ['Paused', 'true']], 'Reason'],
        ['QueuePause', [['Interface', 'PJSIP/1001'], ['Paused', 'true'], ['Reason', 'break']], 'Queue'],
        ['QueueAdd', [['Queue', 'lang-en'], ['Penalty', '0']], 'Interface'],
        ['Originate', [['Channel', 'PJSIP/1001'], ['Context', 'internal'], ['Priority', '1']], 'Exten'],
        ['Hangup', [], 'Channel'],
      ];
      const taints: Array<[string, string, string]> = [
        ['NUL', 'lu\0nch', 'Failed to parse message: invalid header'],
        ['over-long', 'y'.repeat(1100), 'Failed to parse message: line too long'],
      ];
      let n = 0;
      for (const [action, base, field] of fields) {
        for (const [label, value, message] of taints) {
          const id = `t${n++}`;
          const pairs: Array<[string, string]> = [['Action', action], ['ActionID', id], ...base, [field, value]];
          ami.write(`${pairs.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
          const reply = await ami.response(id);
          expect(reply.get('Response'), `${action} ${field} ${label}`).toBe('Error');
          expect(reply.get('Message'), `${action} ${field} ${label}`).toBe(message);
        }
        // A header smuggled inside a value arrives as a header of its own, and is judged as such.
        const id = `s${n++}`;
        ami.write(`Action: ${action}\r\nActionID: ${id}\r\n${base.map(([k, v]) => `${k}: ${v}\r\n`).join('')}${field}: 1001\r\nApplication: System\r\nData: touch /tmp/owned\r\n\r\n`);
        const reply = await ami.response(id);
        expect(reply.get('Response'), `${action} smuggled Application`).toBe('Error');
      }
      // A dangerous action is refused outright.
      ami.write('Action: Command\r\nActionID: cmd\r\nCommand: core stop now\r\n\r\n');
      expect((await ami.response('cmd')).get('Response')).toBe('Error');
      // The session is still usable afterwards.
      ami.write('Action: Ping\r\nActionID: alive\r\n\r\n');
      expect((await ami.response('alive')).get('Ping')).toBe('Pong');
    } finally {
      ami.close();
    }
    await sleep(200);
    expect(actionsSince(server, before).filter((a) => a !== 'Ping')).toEqual([]);
    // Every refusal is in the audit log of the AMI channel.
    const audited = await server.repos.audit.query({ channel: 'ami', result: 'error', limit: 1000 });
    expect(audited.length).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
