import { Nullable, SafeString } from '@amiable/protocol';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { levelOf, proficiencyOf } from '../../src/features/rest/agents-store.ts';
import { decodeSkillQueueId, encodeSkillQueueId } from '../../src/features/rest/skill-queues-store.ts';
import { typeboxValidatorCompiler } from '../../src/gateway/http/validator.ts';

describe('skill to queue mapping ids', () => {
  it('round-trips skill ids holding colons and mappings of another Asterisk', () => {
    for (const key of [
      { skillId: 'en', pbx: 'main', queue: 'lang-en' },
      { skillId: 'tier:2', pbx: 'main', queue: 'support' },
      { skillId: 'fr', pbx: 'paris', queue: 'lang-fr' },
    ]) {
      const id = encodeSkillQueueId(key, 'main');
      expect(decodeSkillQueueId(id, 'main')).toEqual(key);
    }
    expect(encodeSkillQueueId({ skillId: 'en', pbx: 'main', queue: 'lang-en' }, 'main')).toBe('en:lang-en');
    expect(decodeSkillQueueId('no-colon', 'main')).toBeUndefined();
    expect(decodeSkillQueueId('trailing:', 'main')).toBeUndefined();
  });
});

describe('agent skill levels', () => {
  it('stores 0-100 levels as proficiency 1-5 and reads multiples of 20 back unchanged', () => {
    expect([0, 1, 20, 21, 40, 60, 80, 99, 100].map(proficiencyOf)).toEqual([1, 1, 1, 2, 2, 3, 4, 5, 5]);
    for (const level of [20, 40, 60, 80, 100]) expect(levelOf(proficiencyOf(level))).toBe(level);
  });
});

describe('request validation', () => {
  const compile = (schema: ReturnType<typeof Type.Object>, httpPart: string) =>
    typeboxValidatorCompiler({ schema, httpPart, method: 'POST', url: '/x' }) as (data: unknown) => { value?: unknown; error?: unknown };

  it('keeps a JSON null in a nullable number instead of coercing it to 0', () => {
    const check = compile(Type.Object({ maxSeconds: Nullable(Type.Integer({ minimum: 1 })) }), 'body');
    expect(check({ maxSeconds: null })).toEqual({ value: { maxSeconds: null } });
    expect(check({ maxSeconds: '30' }).error).toBeDefined();
  });

  it('converts query-string text to numbers and fills defaults, and reports every failing field', () => {
    const check = compile(Type.Object({ limit: Type.Optional(Type.Integer({ default: 100 })), q: Type.Optional(SafeString()) }), 'querystring');
    expect(check({ limit: '5' })).toEqual({ value: { limit: 5 } });
    expect(check({})).toEqual({ value: { limit: 100 } });
    const failed = check({ q: 'a\r\nb' });
    expect(failed.error).toEqual([expect.objectContaining({ instancePath: '/q' })]);
  });
});
