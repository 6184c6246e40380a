import type {
  Page,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookSubscription,
  WebhookSubscriptionCreate,
  WebhookSubscriptionCreated,
  WebhookSubscriptionUpdate,
} from '@amiable/protocol';
import type { Http, QueryValue } from '../http.ts';
import { routes } from '../wire/routes.ts';
import { resource, toPage } from './resource.ts';

/** Integrations' webhook subscriptions (admins): CRUD, a test delivery, the delivery log. */
export interface WebhooksApi {
  list(query?: { limit?: number; offset?: number; apiKeyId?: string }): Promise<Page<WebhookSubscription>>;
  get(id: string): Promise<WebhookSubscription>;
  /** The signing secret is in the answer, and only there. */
  create(body: WebhookSubscriptionCreate): Promise<WebhookSubscriptionCreated>;
  update(id: string, body: WebhookSubscriptionUpdate): Promise<WebhookSubscription>;
  remove(id: string): Promise<void>;
  /** Queues a signed `webhook.test` delivery and returns it (pending). */
  test(id: string): Promise<WebhookDelivery>;
  /** The delivery log, newest first. */
  deliveries(id: string, query?: WebhookDeliveryQuery): Promise<Page<WebhookDelivery>>;
}

export function webhooksApi(http: Http): WebhooksApi {
  const base = resource<WebhookSubscription, WebhookSubscriptionCreate, WebhookSubscriptionUpdate>(http, routes.webhooks);
  return {
    list: (query) => base.list(query as Record<string, QueryValue> | undefined),
    get: base.get,
    create: (body) => http.request<WebhookSubscriptionCreated>('POST', routes.webhooks, { body }),
    update: base.update,
    remove: base.remove,
    test: (id) => http.request<WebhookDelivery>('POST', routes.webhookTest(id)),
    deliveries: async (id, query) =>
      toPage<WebhookDelivery>(await http.request<unknown>('GET', routes.webhookDeliveries(id), { query: query as Record<string, QueryValue> | undefined })),
  };
}
