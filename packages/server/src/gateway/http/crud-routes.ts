import {
  ErrorBodySchema,
  type IdParams,
  IdParamsSchema,
  type ListQuery,
  ListQuerySchema,
  type Page,
  PageSchema,
  type Permission,
} from '@amiable/protocol';
import { type Static, type TObject, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { CODES, CtiError } from '../../identity/errors.ts';
import { principalOf, SECURED } from './context.ts';

/** The storage behind a CRUD resource (a repository, or an in-memory map in tests). */
export interface CrudStore<T, C, U> {
  list(query: { limit: number; offset: number }): Promise<Page<T> | T[]>;
  get(id: string): Promise<T | undefined>;
  create(input: C): Promise<T>;
  update(id: string, patch: U): Promise<T | undefined>;
  remove(id: string): Promise<boolean>;
}

export interface CrudChange<T> {
  op: 'create' | 'update' | 'remove';
  id: string;
  entity: T | undefined;
}

export interface CrudOptions<E extends TObject, C extends TObject, U extends TObject> {
  /** E.g. `/api/users`. */
  prefix: string;
  /** Singular name for audit actions (`user.update`) and the OpenAPI tag. */
  name: string;
  schemas: { entity: E; create: C; update: U };
  store: CrudStore<Static<E>, Static<C>, Static<U>>;
  /** One permission for everything, or separate ones for reading and writing. */
  permission: Permission | { read: Permission; write: Permission };
  /** Reads the id of an entity; defaults to its `id` field. */
  idOf?: (entity: Static<E>) => string;
  /** Runs after every successful write (e.g. close a disabled user's sockets). */
  onChange?: (change: CrudChange<Static<E>>) => void | Promise<void>;
}

/**
 * A Fastify plugin with list/get/create/update/delete routes for one entity, schema-first, with
 * permission checks and an audit entry for every write.
 */
export function crudRoutes<E extends TObject, C extends TObject, U extends TObject>(
  options: CrudOptions<E, C, U>,
): FastifyPluginAsync {
  const read = typeof options.permission === 'string' ? options.permission : options.permission.read;
  const write = typeof options.permission === 'string' ? options.permission : options.permission.write;
  const idOf = options.idOf ?? ((e: Static<E>) => String((e as { id?: unknown }).id));
  const { entity, create, update } = options.schemas;
  const tags = [options.name];
  const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
  const notFound = (id: string) => new CtiError(CODES.NOT_FOUND, `No ${options.name} ${id}`);

  // Route generics rather than the TypeBox type provider: the schemas are generic here.
  return async (app: FastifyInstance) => {
    const { authorize, audit } = app.gateway;
    const changed = async (op: CrudChange<Static<E>>['op'], id: string, value: Static<E> | undefined) => {
      await options.onChange?.({ op, id, entity: value });
    };

    app.get<{ Querystring: ListQuery }>(
      options.prefix,
      {
        schema: { tags, security: SECURED, querystring: ListQuerySchema, response: { 200: PageSchema(entity), ...errors } },
        preHandler: authorize(read),
      },
      async (request) => {
        const limit = request.query.limit ?? 100;
        const offset = request.query.offset ?? 0;
        const result = await options.store.list({ limit, offset });
        return Array.isArray(result) ? { items: result, total: result.length } : result;
      },
    );

    app.get<{ Params: IdParams }>(
      `${options.prefix}/:id`,
      {
        schema: { tags, security: SECURED, params: IdParamsSchema, response: { 200: entity, ...errors } },
        preHandler: authorize(read),
      },
      async (request) => {
        const found = await options.store.get(request.params.id);
        if (!found) throw notFound(request.params.id);
        return found;
      },
    );

    app.post<{ Body: Static<C> }>(
      options.prefix,
      {
        schema: { tags, security: SECURED, body: create, response: { 201: entity, ...errors } },
        preHandler: authorize(write),
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const action = `${options.name}.create`;
        try {
          const created = await options.store.create(request.body as Static<C>);
          audit({ principal, ip: request.ip, channel: 'rest', action, args: request.body, ok: true });
          await changed('create', idOf(created), created);
          return reply.status(201).send(created);
        } catch (err) {
          audit({ principal, ip: request.ip, channel: 'rest', action, args: request.body, ok: false, code: codeOf(err) });
          throw err;
        }
      },
    );

    app.patch<{ Params: IdParams; Body: Static<U> }>(
      `${options.prefix}/:id`,
      {
        schema: { tags, security: SECURED, params: IdParamsSchema, body: update, response: { 200: entity, ...errors } },
        preHandler: authorize(write),
      },
      async (request) => {
        const { id } = request.params;
        const updated = await options.store.update(id, request.body as Static<U>);
        const args = { id, ...(request.body as object) };
        audit({ principal: principalOf(request), ip: request.ip, channel: 'rest', action: `${options.name}.update`, args, ok: !!updated, code: updated ? null : CODES.NOT_FOUND });
        if (!updated) throw notFound(id);
        await changed('update', id, updated);
        return updated;
      },
    );

    app.delete<{ Params: IdParams }>(
      `${options.prefix}/:id`,
      {
        schema: { tags, security: SECURED, params: IdParamsSchema, response: { 204: Type.Null(), ...errors } },
        preHandler: authorize(write),
      },
      async (request, reply) => {
        const { id } = request.params;
        const removed = await options.store.remove(id);
        audit({ principal: principalOf(request), ip: request.ip, channel: 'rest', action: `${options.name}.remove`, args: { id }, ok: removed, code: removed ? null : CODES.NOT_FOUND });
        if (!removed) throw notFound(id);
        await changed('remove', id, undefined);
        return reply.status(204).send(null);
      },
    );
  };
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : CODES.INTERNAL;
}
