/**
 * Disposition codes per queue: `GET /api/dispositions` (every configured queue), `GET|PUT|DELETE
 * /api/dispositions/:queue`. Anyone who reads the directory reads them (the desk lists the codes of
 * the queue a call came from); writing is for admins, and audited. A bad code or label is a 400
 * naming the field (`/body/codes/2/code`).
 */
import { ErrorBodySchema, PageSchema, QueueDispositionsSchema, type QueueDispositionsUpdate, QueueDispositionsUpdateSchema, QueueName } from '@amiable/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { CODES } from '../../identity/errors.ts';
import type { QueueDispositions } from '../../persistence/repositories/dispositions.ts';
import { notifyChange } from './change-hook.ts';
import type { FeatureContext } from './deps.ts';
import { guarded, notFound } from './store-errors.ts';

const PATH = '/api/dispositions';
const QueueParamsSchema = Type.Object({ queue: QueueName() });
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export function toDispositionsDto(q: QueueDispositions) {
  return { pbx: q.pbx, queue: q.queue, required: q.required, codes: q.codes, updatedAt: new Date(q.updatedAt).toISOString() };
}

export async function dispositionsRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize, audit } = app.gateway;
  const changed = notifyChange(app, ctx, 'dispositions');

  app.get(
    PATH,
    {
      schema: {
        tags: ['dispositions'],
        summary: 'Disposition codes of every queue that has some, and whether each requires one before Ready',
        security: SECURED,
        response: { 200: PageSchema(QueueDispositionsSchema), ...errors },
      },
      preHandler: authorize('directory.read'),
    },
    async () => {
      const items = (await ctx.repos.dispositions.list()).filter((q) => q.pbx === ctx.pbx).map(toDispositionsDto);
      return { items, total: items.length };
    },
  );

  app.get<{ Params: { queue: string } }>(
    `${PATH}/:queue`,
    {
      schema: {
        tags: ['dispositions'],
        summary: "A queue's disposition codes",
        security: SECURED,
        params: QueueParamsSchema,
        response: { 200: QueueDispositionsSchema, ...errors },
      },
      preHandler: authorize('directory.read'),
    },
    async (request) => {
      const found = await ctx.repos.dispositions.get(ctx.pbx, request.params.queue);
      if (!found) throw notFound(`Queue ${request.params.queue} has no disposition codes`);
      return toDispositionsDto(found);
    },
  );

  app.put<{ Params: { queue: string }; Body: QueueDispositionsUpdate }>(
    `${PATH}/:queue`,
    {
      schema: {
        tags: ['dispositions'],
        summary: "Replace a queue's disposition codes and whether one is required before Ready",
        security: SECURED,
        params: QueueParamsSchema,
        body: QueueDispositionsUpdateSchema,
        response: { 200: QueueDispositionsSchema, ...errors },
      },
      preHandler: authorize('admin.manage'),
    },
    async (request) => {
      const { queue } = request.params;
      const entry = { principal: principalOf(request), ip: request.ip, channel: 'rest' as const, action: 'dispositions.update', args: { queue, ...request.body } };
      try {
        const saved = toDispositionsDto(await guarded(() => ctx.repos.dispositions.set(ctx.pbx, queue, request.body)));
        audit({ ...entry, ok: true });
        await changed({ op: 'update', id: queue, entity: saved });
        return saved;
      } catch (error) {
        audit({ ...entry, ok: false, code: (error as { code?: string }).code ?? CODES.INTERNAL });
        throw error;
      }
    },
  );

  app.delete<{ Params: { queue: string } }>(
    `${PATH}/:queue`,
    {
      schema: {
        tags: ['dispositions'],
        summary: "Remove a queue's disposition codes (its calls then need none)",
        security: SECURED,
        params: QueueParamsSchema,
        response: { 204: Type.Null(), ...errors },
      },
      preHandler: authorize('admin.manage'),
    },
    async (request, reply) => {
      const { queue } = request.params;
      const removed = await ctx.repos.dispositions.remove(ctx.pbx, queue);
      audit({ principal: principalOf(request), ip: request.ip, channel: 'rest', action: 'dispositions.remove', args: { queue }, ok: removed, code: removed ? null : CODES.NOT_FOUND });
      if (!removed) throw notFound(`Queue ${queue} has no disposition codes`);
      await changed({ op: 'remove', id: queue, entity: undefined });
      return reply.code(204).send();
    },
  );
}
