import { ErrorBodySchema, HealthSchema, PROTOCOL_VERSION, StateSnapshotSchema } from '@amiable/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { visibleState } from '../visible-state.ts';
import { unauthenticated } from '../../identity/errors.ts';
import { bearerMatches } from './bearer.ts';
import { principalOf, SECURED } from './context.ts';

/** `GET /api/state` (what the caller may see), `GET /api/health` and Prometheus `GET /metrics`. */
export async function stateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { state, authorize, metrics, config, clock, router, storageHealth } = app.gateway;
  const startedAt = clock.now();

  app.get(
    '/api/state',
    {
      schema: {
        tags: ['state'],
        summary: 'Agents, queues and calls visible to the caller',
        security: SECURED,
        response: { 200: StateSnapshotSchema, 401: ErrorBodySchema },
      },
      preHandler: authorize(),
    },
    async (request) => visibleState(router.viewerFor(principalOf(request)), state.snapshot(), (a) => router.memberOf(a)),
  );

  app.get(
    '/api/health',
    { schema: { tags: ['state'], summary: 'Liveness and PBX connection states', response: { 200: HealthSchema } } },
    async () => {
      const pbx = state.snapshot().pbx.map((p) => ({ pbx: p.pbx, state: p.state }));
      const storage = storageHealth?.();
      const node = state.node ? await state.node() : undefined;
      return {
        ...(node ? { node } : {}),
        status: pbx.every((p) => p.state === 'ready') && storage?.status !== 'spooling' ? ('ok' as const) : ('degraded' as const),
        version: config.version,
        protocol: PROTOCOL_VERSION,
        uptimeSeconds: (clock.now() - startedAt) / 1000,
        at: new Date(clock.now()).toISOString(),
        pbx,
        ...(storage ? { storage } : {}),
      };
    },
  );

  app.get(
    '/metrics',
    {
      schema: { tags: ['state'], summary: 'Prometheus metrics', response: { 200: Type.String(), 401: ErrorBodySchema } },
      preHandler: async (request) => {
        if (config.metricsToken !== undefined && !bearerMatches(request.headers.authorization, config.metricsToken)) {
          throw unauthenticated('GET /metrics needs the metrics token: Authorization: Bearer <token>');
        }
      },
    },
    async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
