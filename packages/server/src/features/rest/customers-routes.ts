/**
 * The customer directory over REST: CRUD with search (`q`), lookup by phone number for the
 * screen-pop, a customer's last calls, and CSV import.
 */
import { CallRecordSchema, ErrorBodySchema, IdParamsSchema, PageSchema } from '@amiable/protocol';
import type { FastifyInstance } from 'fastify';
import { createCustomerDirectory } from '../../directory/customer-lookup.ts';
import { SECURED } from '../../gateway/http/context.ts';
import { crudRoutes } from '../../gateway/http/crud-routes.ts';
import { listCalls } from './call-log.ts';
import { type CustomerListQuery, CustomerCallsQuerySchema, CustomerListQuerySchema, LookupQuerySchema } from './calls-schemas.ts';
import { CustomerCreateBodySchema, CustomerEntitySchema, CustomerUpdateBodySchema } from './customer-schemas.ts';
import { createCustomersStore, toCustomerDto } from './customers-store.ts';
import { notifyChange } from './change-hook.ts';
import type { FeatureContext } from './deps.ts';
import { customerImportRoutes } from './customer-import-routes.ts';
import { notFound } from './store-errors.ts';

const PREFIX = '/api/customers';
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export async function customersRoutes(app: FastifyInstance, ctx: FeatureContext): Promise<void> {
  const { authorize } = app.gateway;
  const store = createCustomersStore({ repos: ctx.repos });
  const directory = createCustomerDirectory({
    customers: ctx.repos.customers,
    ...(ctx.defaultCountry ? { defaultCountry: ctx.defaultCountry } : {}),
  });

  // The generic list takes only paging; the customer list also searches (`q`).
  app.addHook('onRoute', (route) => {
    if (route.url !== PREFIX || route.method !== 'GET') return;
    route.schema = { ...route.schema, querystring: CustomerListQuerySchema };
    route.handler = async (request) => {
      const { q, limit = 50, offset = 0 } = request.query as CustomerListQuery;
      return store.search({ ...(q ? { q } : {}), limit, offset });
    };
  });

  await app.register(
    crudRoutes({
      prefix: PREFIX,
      name: 'customer',
      schemas: { entity: CustomerEntitySchema, create: CustomerCreateBodySchema, update: CustomerUpdateBodySchema },
      store,
      permission: { read: 'customer.read', write: 'customer.write' },
      onChange: notifyChange(app, ctx, 'customer'),
    }),
  );

  app.get<{ Querystring: { number: string } }>(
    `${PREFIX}/lookup`,
    {
      schema: {
        tags: ['customer'],
        summary: 'The customer whose phone number matches (any format), as a one-item page; 404 when none does',
        security: SECURED,
        querystring: LookupQuerySchema,
        response: { 200: PageSchema(CustomerEntitySchema), ...errors },
      },
      preHandler: authorize('customer.read'),
    },
    async (request) => {
      const customer = await directory.findCustomerByNumber(request.query.number);
      if (!customer) throw notFound(`No customer has the number ${request.query.number}`);
      return { items: [toCustomerDto(customer)], total: 1 };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit?: number; offset?: number } }>(
    `${PREFIX}/:id/calls`,
    {
      schema: {
        tags: ['customer'],
        summary: "The customer's calls, newest first",
        security: SECURED,
        params: IdParamsSchema,
        querystring: CustomerCallsQuerySchema,
        response: { 200: PageSchema(CallRecordSchema), ...errors },
      },
      preHandler: authorize('customer.read'),
    },
    async (request) => {
      if (!(await ctx.repos.customers.get(request.params.id))) throw notFound(`No customer ${request.params.id}`);
      const { limit = 10, offset = 0 } = request.query;
      return listCalls(ctx.db, { customerId: request.params.id, limit, offset }, 'all');
    },
  );

  await customerImportRoutes(app, ctx);
}
