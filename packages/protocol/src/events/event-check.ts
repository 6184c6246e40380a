import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE, isEventType } from './catalogue.ts';

const compiled = new Map<string, TypeCheck<TSchema>>();

function checkerOf(type: string): TypeCheck<TSchema> | undefined {
  if (!isEventType(type)) return undefined;
  let check = compiled.get(type);
  if (!check) compiled.set(type, (check = TypeCompiler.Compile(EVENT_CATALOGUE[type].payload)));
  return check;
}

/**
 * What is wrong with an event against its catalogue entry: an unknown type, or each payload field
 * that breaks the declared schema (at most `limit`). Empty when the event is valid.
 */
export function eventProblems(type: string, payload: unknown, limit = 5): string[] {
  const check = checkerOf(type);
  if (!check) return [`unknown event type ${JSON.stringify(type)}`];
  if (check.Check(payload)) return [];
  const problems: string[] = [];
  for (const e of check.Errors(payload)) {
    problems.push(`${e.path || '/'}: ${e.message}`);
    if (problems.length >= limit) break;
  }
  return problems;
}
