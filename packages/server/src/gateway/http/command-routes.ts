import { randomUUID } from 'node:crypto';
import { COMMAND_CATALOGUE, ErrorBodySchema } from '@amiable/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { COMMAND_ALIASES } from './command-aliases.ts';
import { principalOf, SECURED } from './context.ts';

const CommandResultSchema = Type.Object({ ok: Type.Literal(true), data: Type.Unknown() });
const responses = {
  200: CommandResultSchema,
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  422: ErrorBodySchema,
  501: ErrorBodySchema,
};
/** Bodies go to the command executor untouched: it validates them with the catalogue schemas, like WebSocket commands. */
const passThrough = () => (value: unknown) => ({ value });

/**
 * `POST /api/commands/:name` and the friendly aliases. Both run through the same executor as
 * WebSocket commands: validation, permission and target rule, dispatch, audit.
 */
export async function commandRoutes(app: FastifyInstance): Promise<void> {
  const { execute, authorize } = app.gateway;

  const run = async (request: FastifyRequest, name: string, extra: Record<string, string>) => {
    const body = request.body ?? {};
    const args = typeof body === 'object' && !Array.isArray(body) ? { ...(body as object), ...extra } : body;
    const data = await execute({
      principal: principalOf(request),
      name,
      args,
      channel: 'rest',
      ip: request.ip,
      requestId: String(request.id ?? randomUUID()),
    });
    return { ok: true as const, data };
  };

  app.post<{ Params: { name: string } }>(
    '/api/commands/:name',
    {
      schema: {
        tags: ['commands'],
        summary: 'Run any command of the catalogue; the body holds its arguments',
        params: Type.Object({ name: Type.String({ pattern: '^[a-z][a-zA-Z.]*$', maxLength: 64 }) }),
        security: SECURED,
        response: responses,
      },
      validatorCompiler: ({ httpPart }) => (httpPart === 'body' ? passThrough() : undefined)!,
      preHandler: authorize(),
    },
    (request) => run(request, request.params.name, {}),
  );

  for (const alias of COMMAND_ALIASES) {
    const def = COMMAND_CATALOGUE[alias.command];
    const paramNames = Object.keys(alias.params ?? {});
    app.post<{ Params: Record<string, string> }>(
      alias.url,
      {
        schema: {
          tags: ['commands'],
          summary: alias.summary,
          description: `${def.description} Runs \`${alias.command}\`.`,
          body: paramNames.length ? Type.Omit(def.args, Object.values(alias.params ?? {})) : def.args,
          ...(paramNames.length
            ? { params: Type.Object(Object.fromEntries(paramNames.map((p) => [p, Type.String({ maxLength: 128 })]))) }
            : {}),
          security: SECURED,
          response: responses,
        },
        validatorCompiler: passThrough,
        preHandler: authorize(),
      },
      (request) => {
        const extra: Record<string, string> = {};
        for (const [param, arg] of Object.entries(alias.params ?? {})) extra[arg] = request.params[param] ?? '';
        return run(request, alias.command, extra);
      },
    );
  }
}
