import { COMMAND_CATALOGUE, type CommandName, type ValidationIssue } from '@amiable/protocol';
import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { CODES, CtiError } from '../../identity/errors.ts';

const compiled = new Map<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema)));
  return check;
}

/** Up to 20 issues, as JSON pointers and messages. */
export function validationIssues(schema: TSchema, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of checker(schema).Errors(value)) {
    issues.push({ path: error.path || '/', message: error.message });
    if (issues.length >= 20) break;
  }
  return issues;
}

/** Checks a value against a schema; throws CTI_ERR_VALIDATION listing the failing fields. */
export function assertValid(schema: TSchema, value: unknown, what: string): void {
  if (checker(schema).Check(value)) return;
  throw new CtiError(CODES.VALIDATION, `Invalid ${what}`, { errors: validationIssues(schema, value) });
}

/** Validates command arguments against the catalogue (missing arguments count as `{}`). */
export function validateCommandArgs(name: CommandName, args: unknown): unknown {
  const value = args ?? {};
  assertValid(COMMAND_CATALOGUE[name].args, value, `arguments for ${name}`);
  return value;
}
