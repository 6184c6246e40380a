import { COMMAND_CATALOGUE, COMMAND_NAMES } from '@amiable/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildFixture, type Fixture, login, TEST_HASHING } from './helpers/fixture.ts';
import { stringFields } from './helpers/schema-walk.ts';
import { TestClient } from './helpers/ws-client.ts';

/** Sets a value at a path, creating objects on the way; array paths ("0") become one-item arrays. */
function withValue(args: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  let node: Record<string, unknown> = copy;
  const keys = path.filter((p) => p !== '0');
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = path.includes('0') ? [value] : value;
  return copy;
}

interface Case {
  command: string;
  field: string;
  label: string;
  args: Record<string, unknown>;
}

/** Every string field of every command, each with CR, LF, NUL and one character too many. */
const cases: Case[] = COMMAND_NAMES.flatMap((command) => {
  const def = COMMAND_CATALOGUE[command];
  return stringFields(def.args).flatMap((field) => {
    const max = field.schema.maxLength ?? 0;
    const bad: [string, string][] = [
      ['CR', 'x\rAction: Hangup'],
      ['LF', 'x\nAction: Hangup'],
      ['NUL', 'x\u0000y'],
      ['over-long', '1'.repeat(max + 1)],
    ];
    return bad.map(([label, value]) => ({
      command,
      field: field.path.join('.'),
      label,
      args: withValue(def.example as Record<string, unknown>, field.path, value),
    }));
  });
});

let fx: Fixture;
let token: string;
beforeAll(async () => {
  // Hundreds of refused frames on one socket: far above what a desk sends.
  fx = await buildFixture({ config: { tokenSecret: 'test-secret-test-secret-test-secret!', passwordHashing: TEST_HASHING, ws: { maxFramesPerSecond: 10_000, frameBurst: 10_000 } } });
  token = (await login(fx.app, 'dave')).accessToken;
});
afterAll(async () => {
  await fx.app.close();
});

describe('command argument validation', () => {
  it('covers every string field of every command in the catalogue', () => {
    const commandsWithStrings = new Set(cases.map((c) => c.command));
    for (const name of COMMAND_NAMES) {
      if (stringFields(COMMAND_CATALOGUE[name].args).length > 0) expect(commandsWithStrings).toContain(name);
    }
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('REST refuses $label in $command $field before anything reaches the PBX', async (c) => {
    const res = await fx.app.inject({ method: 'POST', url: `/api/commands/${c.command}`, headers: bearer(token), payload: c.args });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('CTI_ERR_VALIDATION');
    expect(body.details.errors.length).toBeGreaterThan(0);
    expect(fx.calls.filter((call) => JSON.stringify(call.args) === JSON.stringify(c.args))).toEqual([]);
  });

  it('WebSocket refuses every one of the same cases with CTI_ERR_VALIDATION', async () => {
    const address = await fx.app.listen({ port: 0, host: '127.0.0.1' });
    const client = await TestClient.connect(`${address.replace('http', 'ws')}/api/ws`, token);
    const before = fx.calls.length;
    for (const [i, c] of cases.entries()) client.send({ op: 'command', id: `c${i}`, name: c.command, args: c.args });
    await client.until(() => (client.frames.filter((f) => f.op === 'result').length >= cases.length ? true : undefined));
    const results = client.frames.filter((f) => f.op === 'result');
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect((result.error as { code: string }).code).toBe('CTI_ERR_VALIDATION');
    }
    expect(fx.calls.length).toBe(before);
    client.close();
  });

  it('audits refused arguments with the validation code', async () => {
    const entry = fx.audit.entries().find((e) => e.code === 'CTI_ERR_VALIDATION' && e.action === 'agent.pause');
    expect(entry).toMatchObject({ userId: 'u-dave', ok: false });
  });
});
