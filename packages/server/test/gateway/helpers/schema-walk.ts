import type { TSchema } from '@sinclair/typebox';

/** A string field inside a schema, with its JSON path (array items as `0`). */
export interface StringField {
  path: string[];
  schema: TSchema & { maxLength?: number; pattern?: string };
}

/** Every free `type: string` field (literals excluded) reachable through objects, arrays, unions and optionals. */
export function stringFields(schema: TSchema, path: string[] = []): StringField[] {
  const s = schema as TSchema & Record<string, unknown>;
  if (s.type === 'string') return s.const === undefined ? [{ path, schema: s }] : [];
  const out: StringField[] = [];
  if (s.type === 'object' && s.properties) {
    for (const [key, child] of Object.entries(s.properties as Record<string, TSchema>)) {
      out.push(...stringFields(child, [...path, key]));
    }
  }
  if (s.type === 'array' && s.items) out.push(...stringFields(s.items as TSchema, [...path, '0']));
  for (const branch of (s.anyOf ?? s.oneOf ?? []) as TSchema[]) out.push(...stringFields(branch, path));
  return out;
}
