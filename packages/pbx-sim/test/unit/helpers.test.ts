import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { PbxSimConfigError } from '../../src/errors.ts';
import { escapeC, hms } from '../../src/util/format.ts';
import { createRandom } from '../../src/util/random.ts';

describe('helpers', () => {
  it('repeats the same random sequence for the same seed and makes v4-shaped UUIDs', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRandom(8).next()).not.toBe(xs[0]);
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("escapes caller names like ast_escape_c (O'Brien arrives as O\\'Brien)", () => {
    expect(escapeC("O'Brien")).toBe("O\\'Brien");
    expect(escapeC('say "hi"?')).toBe('say \\"hi\\"\\?');
    expect(escapeC('plain')).toBe('plain');
  });

  it('prints durations as HH:MM:SS', () => {
    expect(hms(3725)).toBe('01:02:05');
  });

  it('refuses unknown strategies and duplicate endpoints with PBX_SIM_ERR_CONFIG', () => {
    expect(() => resolveConfig({ queues: [{ name: 'q', strategy: 'fewestcalls' as never }] })).toThrow(PbxSimConfigError);
    try {
      resolveConfig({ endpoints: ['1001', '1001'] });
      expect.unreachable();
    } catch (e) {
      expect((e as PbxSimConfigError).code).toBe('PBX_SIM_ERR_CONFIG');
    }
  });

  it('defaults to the lab: 20 endpoints, the five queues, cti and limited users', () => {
    const c = resolveConfig({});
    expect(c.endpoints).toHaveLength(20);
    expect(c.queues.map((q) => `${q.name}:${q.strategy}:${q.timeout}:${q.retry}`)).toEqual([
      'lang-en:ringall:15:2',
      'lang-ar:ringall:15:2',
      'lang-fr:ringall:15:2',
      'support:linear:15:2',
      'sales:rrmemory:15:2',
    ]);
    expect(c.users.map((u) => `${u.username}:${u.read}:${u.write}`)).toEqual(['cti:all:all', 'limited:call,agent:call']);
  });
});
