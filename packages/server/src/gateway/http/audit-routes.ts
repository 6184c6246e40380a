import { AuditEntrySchema, AuditQuerySchema, ErrorBodySchema, PageSchema } from '@amiable/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SECURED } from './context.ts';

/** `GET /api/audit`: the audit trail, newest first (admins only). */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { auditSink, authorize } = app.gateway;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who did what, when, from where, and the outcome',
        security: SECURED,
        querystring: AuditQuerySchema,
        response: { 200: PageSchema(AuditEntrySchema), 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
      preHandler: authorize('audit.read'),
    },
    async (request) => auditSink.query(request.query),
  );
}
