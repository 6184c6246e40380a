/** `GET /api/agents/me/missed-calls`: the calls that rang at the signed-in agent and went elsewhere. */
import { ErrorBodySchema, type MissedCalls, type MissedCallsQuery, MissedCallsQuerySchema, MissedCallsSchema } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import type { FeatureContext } from './deps.ts';
import { listMissedCalls } from './missed-calls.ts';

const DAY_MS = 86_400_000;

export async function missedCallsRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  app.get<{ Querystring: MissedCallsQuery }>(
    '/api/agents/me/missed-calls',
    {
      schema: {
        tags: ['calls'],
        summary: 'Calls that rang at your phone and went elsewhere (answered by someone else, or by nobody), newest first',
        security: SECURED,
        querystring: MissedCallsQuerySchema,
        response: { 200: MissedCallsSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
      preHandler: app.gateway.authorize('call.read'),
    },
    async (request): Promise<MissedCalls> => {
      const agentId = principalOf(request).agentId;
      if (!agentId) return { items: [] };
      const from = request.query.from ? Date.parse(request.query.from) : ctx.now() - DAY_MS;
      return { items: await listMissedCalls(ctx.db, { agentId, from, limit: request.query.limit ?? 50 }) };
    },
  );
}
