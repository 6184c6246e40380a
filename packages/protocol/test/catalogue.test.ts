import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_CATALOGUE,
  COMMAND_NAMES,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  eventScope,
  isCommandName,
  isEventType,
  PERMISSIONS,
} from '../src/index.ts';
import { stringFields } from './schema-walk.ts';

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

describe('event catalogue', () => {
  it('declares a known permission and payload fields for every scope key of every event type', () => {
    for (const type of EVENT_TYPES) {
      const def = EVENT_CATALOGUE[type];
      expect(def.type).toBe(type);
      expect(PERMISSIONS).toContain(def.permission);
      const props = (def.payload as unknown as { properties: Record<string, unknown> }).properties;
      for (const field of Object.values(def.scopeFields)) expect(props).toHaveProperty(field as string);
    }
  });

  it('reads the scope of a ringing call from its payload: extension, agent and queue', () => {
    const scope = eventScope(
      'call.ringing',
      { callId: '1.2', extension: '1001', agentId: 'agent-1001', queue: 'lang-en', callerNumber: null },
      'pbx1',
    );
    expect(scope).toEqual({ pbx: 'pbx1', extension: '1001', agent: 'agent-1001', queue: 'lang-en' });
  });

  it('gives an unknown event type an empty scope and does not recognise it', () => {
    expect(isEventType('call.teleported')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(eventScope('call.teleported', { extension: '1001' })).toEqual({});
  });
});

describe('command catalogue', () => {
  it('accepts the documented example of every command', () => {
    for (const name of COMMAND_NAMES) {
      const def = COMMAND_CATALOGUE[name];
      const check = TypeCompiler.Compile(def.args);
      expect(check.Check(def.example), `${name}: ${JSON.stringify([...check.Errors(def.example)])}`).toBe(true);
      expect(isCommandName(name)).toBe(true);
    }
  });

  it('bounds every string argument and refuses CR, LF and NUL in each of them', () => {
    let cases = 0;
    for (const name of COMMAND_NAMES) {
      const def = COMMAND_CATALOGUE[name];
      const check = TypeCompiler.Compile(def.args);
      for (const field of stringFields(def.args)) {
        expect(field.schema.maxLength, `${name}.${field.path.join('.')}`).toBeTypeOf('number');
        expect(field.schema.pattern, `${name}.${field.path.join('.')}`).toBeTypeOf('string');
        const path = field.path.filter((p) => p !== '0');
        for (const bad of ['a\r\nAction: Hangup', 'a\nb', 'a\u0000b', 'x'.repeat(field.schema.maxLength! + 1)]) {
          const args = setPath(def.example as Record<string, unknown>, path, field.path.includes('0') ? [bad] : bad);
          expect(check.Check(args), `${name}.${path.join('.')} accepted ${JSON.stringify(bad)}`).toBe(false);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(50);
  });

  it('refuses arguments the schema does not declare', () => {
    const check = TypeCompiler.Compile(COMMAND_CATALOGUE['agent.pause'].args);
    expect(check.Check({ reason: 'lunch', channel: 'PJSIP/1001' })).toBe(false);
  });
});
