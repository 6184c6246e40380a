/**
 * `/api/webhooks`: integrations' webhook subscriptions (admins). List, read, create (the answer
 * carries the signing secret, once), change, delete, send a test delivery, read the delivery log.
 * Every write is audited; the secret never is.
 */
import {
  ErrorBodySchema,
  type IdParams,
  IdParamsSchema,
  ListQuerySchema,
  PageSchema,
  type WebhookDeliveryQuery,
  WebhookDeliveryQuerySchema,
  WebhookDeliverySchema,
  type WebhookSubscriptionCreate,
  WebhookSubscriptionCreatedSchema,
  WebhookSubscriptionCreateSchema,
  WebhookSubscriptionSchema,
  type WebhookSubscriptionUpdate,
  WebhookSubscriptionUpdateSchema,
} from '@amiable/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, SECURED } from '../../gateway/http/context.ts';
import { CODES, CtiError } from '../../identity/errors.ts';
import type { Webhooks } from './webhooks.ts';

const PATH = '/api/webhooks';
const tags = ['webhooks'];
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const ListQuery = Type.Composite([ListQuerySchema, Type.Object({ apiKeyId: Type.Optional(Type.String({ maxLength: 128 })) })], {
  additionalProperties: false,
});

const notFound = (id: string) => new CtiError(CODES.NOT_FOUND, `No webhook subscription ${id}`);
const codeOf = (err: unknown) => {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : CODES.INTERNAL;
};

export async function webhookRoutes(app: FastifyInstance, webhooks: Webhooks): Promise<void> {
  const { authorize, audit } = app.gateway;
  const admin = authorize('admin.manage');
  const { subscriptions } = webhooks;

  app.get<{ Querystring: { limit?: number; offset?: number; apiKeyId?: string } }>(
    PATH,
    { schema: { tags, summary: 'Webhook subscriptions', security: SECURED, querystring: ListQuery, response: { 200: PageSchema(WebhookSubscriptionSchema), ...errors } }, preHandler: admin },
    async (request) =>
      subscriptions.list({
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
        ...(request.query.apiKeyId ? { apiKeyId: request.query.apiKeyId } : {}),
      }),
  );

  app.get<{ Params: IdParams }>(
    `${PATH}/:id`,
    { schema: { tags, security: SECURED, params: IdParamsSchema, response: { 200: WebhookSubscriptionSchema, ...errors } }, preHandler: admin },
    async (request) => (await subscriptions.dto(request.params.id)) ?? Promise.reject(notFound(request.params.id)),
  );

  app.post<{ Body: WebhookSubscriptionCreate }>(
    PATH,
    {
      schema: { tags, summary: 'Subscribe an integration (API key) to event types; the answer carries the signing secret, once', security: SECURED, body: WebhookSubscriptionCreateSchema, response: { 201: WebhookSubscriptionCreatedSchema, ...errors } },
      preHandler: admin,
    },
    async (request, reply) => {
      const entry = { principal: principalOf(request), ip: request.ip, channel: 'rest' as const, action: 'webhook.create', args: request.body };
      try {
        const { record, dto } = await subscriptions.create(request.body);
        audit({ ...entry, ok: true });
        await webhooks.streams.changed(record.id, record);
        return reply.status(201).send({ ...dto, secret: record.secret });
      } catch (err) {
        audit({ ...entry, ok: false, code: codeOf(err) });
        throw err;
      }
    },
  );

  app.patch<{ Params: IdParams; Body: WebhookSubscriptionUpdate }>(
    `${PATH}/:id`,
    { schema: { tags, security: SECURED, params: IdParamsSchema, body: WebhookSubscriptionUpdateSchema, response: { 200: WebhookSubscriptionSchema, ...errors } }, preHandler: admin },
    async (request) => {
      const { id } = request.params;
      const entry = { principal: principalOf(request), ip: request.ip, channel: 'rest' as const, action: 'webhook.update', args: { id, ...request.body } };
      try {
        const record = await subscriptions.update(id, request.body);
        if (!record) throw notFound(id);
        audit({ ...entry, ok: true });
        await webhooks.streams.changed(id, record);
        webhooks.worker.poke();
        return (await subscriptions.dto(id))!;
      } catch (err) {
        audit({ ...entry, ok: false, code: codeOf(err) });
        throw err;
      }
    },
  );

  app.delete<{ Params: IdParams }>(
    `${PATH}/:id`,
    { schema: { tags, security: SECURED, params: IdParamsSchema, response: { 204: Type.Null(), ...errors } }, preHandler: admin },
    async (request, reply) => {
      const { id } = request.params;
      await webhooks.streams.changed(id, null);
      const removed = await subscriptions.remove(id);
      audit({ principal: principalOf(request), ip: request.ip, channel: 'rest', action: 'webhook.remove', args: { id }, ok: removed, code: removed ? null : CODES.NOT_FOUND });
      if (!removed) throw notFound(id);
      return reply.status(204).send(null);
    },
  );

  app.post<{ Params: IdParams }>(
    `${PATH}/:id/test`,
    { schema: { tags, summary: 'Queue a signed `webhook.test` delivery', security: SECURED, params: IdParamsSchema, response: { 202: WebhookDeliverySchema, ...errors } }, preHandler: admin },
    async (request, reply) => {
      const { id } = request.params;
      const delivery = await webhooks.sendTest(id);
      audit({ principal: principalOf(request), ip: request.ip, channel: 'rest', action: 'webhook.test', args: { id }, ok: !!delivery, code: delivery ? null : CODES.NOT_FOUND });
      if (!delivery) throw notFound(id);
      return reply.status(202).send(delivery);
    },
  );

  app.get<{ Params: IdParams; Querystring: WebhookDeliveryQuery }>(
    `${PATH}/:id/deliveries`,
    {
      schema: { tags, summary: 'The delivery log, newest first', security: SECURED, params: IdParamsSchema, querystring: WebhookDeliveryQuerySchema, response: { 200: PageSchema(WebhookDeliverySchema), ...errors } },
      preHandler: admin,
    },
    async (request) => {
      const { id } = request.params;
      if (!(await subscriptions.find(id))) throw notFound(id);
      const { limit = 50, offset = 0, status } = request.query;
      return webhooks.deliveries.log(id, { limit, offset, ...(status ? { status } : {}) });
    },
  );
}
