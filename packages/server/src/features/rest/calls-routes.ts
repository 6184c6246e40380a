/** `GET /api/calls` (the call log, paged) and `GET /api/calls.csv` (all of it, streamed). */
import { Readable } from 'node:stream';
import { CallRecordSchema, ErrorBodySchema, PageSchema } from '@amiable/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { can } from '../../identity/permissions.ts';
import { parseZone } from '../../reports/time-zone.ts';
import { type CallScope, callLogCsv, callScopeOf, listCalls } from './call-log.ts';
import { type CallQuery, CallQuerySchema } from './calls-schemas.ts';
import type { FeatureContext } from './deps.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

/**
 * The calls the caller may see. A customer's call history (`customerId`) is part of the customer
 * card, so whoever may read customers sees all of that customer's calls.
 */
export function scopeFor(request: FastifyRequest, query: CallQuery): CallScope {
  const principal = principalOf(request);
  if (query.customerId && can(principal, 'customer.read')) return 'all';
  return callScopeOf(principal);
}

export async function callsRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize } = app.gateway;

  app.get<{ Querystring: CallQuery }>(
    '/api/calls',
    {
      schema: {
        tags: ['calls'],
        summary: 'The call log, newest first: finished calls within your reach',
        security: SECURED,
        querystring: CallQuerySchema,
        response: { 200: PageSchema(CallRecordSchema), ...errors },
      },
      preHandler: authorize('call.read'),
    },
    async (request) => listCalls(ctx.db, request.query, scopeFor(request, request.query)),
  );

  app.get<{ Querystring: CallQuery }>(
    '/api/calls.csv',
    {
      schema: {
        tags: ['calls'],
        summary: 'The call log as CSV (every matching call; times in `timeZone`, default UTC)',
        security: SECURED,
        querystring: CallQuerySchema,
        produces: ['text/csv'],
        response: errors,
      },
      preHandler: authorize('call.read'),
    },
    async (request, reply) => {
      parseZone(request.query.timeZone);
      const day = new Date(ctx.now()).toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="calls-${day}.csv"`)
        .send(Readable.from(callLogCsv(ctx.db, request.query, scopeFor(request, request.query))));
    },
  );
}
