import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

const MAX_ISSUES = 20;

/**
 * Validates requests with TypeBox instead of Ajv's coercing defaults. Bodies are checked as sent
 * (Ajv's `coerceTypes` would turn a JSON `null` into `0` or `""` inside `T | null` fields, so
 * "no limit" would silently become "zero"); query strings and path parameters, which are text by
 * nature, are converted to the schema's types and given its defaults first.
 */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const textual = httpPart !== 'body';
  return (data: unknown) => {
    const value = textual ? Value.Convert(schema, Value.Default(schema, Value.Clone(data ?? {}))) : data;
    if (check.Check(value)) return { value };
    const issues: { instancePath: string; message: string }[] = [];
    for (const issue of check.Errors(value)) {
      issues.push({ instancePath: issue.path, message: issue.message });
      if (issues.length >= MAX_ISSUES) break;
    }
    return { error: issues as never };
  };
};
