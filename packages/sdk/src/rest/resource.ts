import type { Page } from '@amiable/protocol';
import type { Http, QueryValue } from '../http.ts';
import { routes } from '../wire/routes.ts';

/** List/get/create/update/remove over one REST collection. */
export interface Resource<T, C, U, Q extends object = Record<string, QueryValue>> {
  list(query?: Q): Promise<Page<T>>;
  get(id: string): Promise<T>;
  create(body: C): Promise<T>;
  update(id: string, body: U): Promise<T>;
  remove(id: string): Promise<void>;
}

export function resource<T, C, U, Q extends object = Record<string, QueryValue>>(http: Http, path: string): Resource<T, C, U, Q> {
  return {
    list: async (query) => toPage<T>(await http.request<unknown>('GET', path, { query: query as Record<string, QueryValue> | undefined })),
    get: (id) => http.request<T>('GET', routes.item(path, id)),
    create: (body) => http.request<T>('POST', path, { body }),
    update: (id, body) => http.request<T>('PATCH', routes.item(path, id), { body }),
    remove: async (id) => {
      await http.request<void>('DELETE', routes.item(path, id));
    },
  };
}

/** Lists come as `{ items, total }`; a bare array is accepted too. */
export function toPage<T>(body: unknown): Page<T> {
  if (Array.isArray(body)) return { items: body as T[], total: body.length };
  const page = body as Partial<Page<T>> | undefined;
  const items = Array.isArray(page?.items) ? page.items : [];
  return { items, total: typeof page?.total === 'number' ? page.total : items.length };
}
