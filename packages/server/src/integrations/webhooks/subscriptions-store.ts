import { randomUUID } from 'node:crypto';
import { isEventType, type WebhookSubscription, type WebhookSubscriptionCreate, type WebhookSubscriptionUpdate } from '@amiable/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookSubscriptionsTable } from '../../persistence/schema.ts';
import { WEBHOOK_ERROR_CODES, WebhookFieldError } from './errors.ts';
import { newWebhookSecret } from './signature.ts';
import { checkWebhookUrl } from './url-policy.ts';

/** A subscription as the delivery side needs it (with its secret). */
export interface SubscriptionRecord {
  id: string;
  apiKeyId: string;
  url: string;
  secret: string;
  eventTypes: string[];
  description: string | null;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<WebhookSubscriptionsTable>): SubscriptionRecord => ({
  id: row.id,
  apiKeyId: row.api_key_id,
  url: row.url,
  secret: row.secret,
  eventTypes: JSON.parse(row.event_types) as string[],
  description: row.description,
  disabled: Number(row.disabled) === 1,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

function checkEventTypes(types: readonly string[]): string[] {
  types.forEach((type, i) => {
    if (!isEventType(type)) {
      throw new WebhookFieldError(WEBHOOK_ERROR_CODES.EVENT_TYPE, `/body/eventTypes/${i}`, `“${type}” is not an event type of the catalogue`);
    }
  });
  return [...new Set(types)];
}

/**
 * Webhook subscriptions in the database. Every write checks its fields and refuses with a coded
 * error naming the field (`CTI_ERR_WEBHOOK_URL` on `/body/url`, ...).
 */
export function createSubscriptionsStore(deps: { db: Kysely<Database>; now: () => number; allowPrivateAddresses: () => boolean }) {
  const { db } = deps;
  const find = async (id: string) => {
    const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  };
  const counts = async (ids: string[]): Promise<Map<string, WebhookSubscription['deliveries']>> => {
    const out = new Map<string, WebhookSubscription['deliveries']>();
    for (const id of ids) out.set(id, { pending: 0, delivered: 0, failed: 0 });
    if (ids.length === 0) return out;
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select(['subscription_id', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('subscription_id', 'in', ids)
      .groupBy(['subscription_id', 'status'])
      .execute();
    for (const r of rows) {
      const c = out.get(r.subscription_id);
      if (c && (r.status === 'pending' || r.status === 'delivered' || r.status === 'failed')) c[r.status] = Number(r.n);
    }
    return out;
  };
  const toDtos = async (records: SubscriptionRecord[]): Promise<WebhookSubscription[]> => {
    const c = await counts(records.map((r) => r.id));
    return records.map((r) => ({
      id: r.id,
      apiKeyId: r.apiKeyId,
      url: r.url,
      eventTypes: r.eventTypes,
      description: r.description,
      disabled: r.disabled,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      deliveries: c.get(r.id) ?? { pending: 0, delivered: 0, failed: 0 },
    }));
  };

  return {
    find,
    async all(): Promise<SubscriptionRecord[]> {
      return (await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute()).map(toRecord);
    },
    async list(query: { limit: number; offset: number; apiKeyId?: string }): Promise<{ items: WebhookSubscription[]; total: number }> {
      let q = db.selectFrom('webhook_subscriptions');
      if (query.apiKeyId) q = q.where('api_key_id', '=', query.apiKeyId);
      const total = Number((await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await q.selectAll().orderBy('created_at').orderBy('id').limit(query.limit).offset(query.offset).execute();
      return { items: await toDtos(rows.map(toRecord)), total };
    },
    async dto(id: string): Promise<WebhookSubscription | undefined> {
      const r = await find(id);
      return r && (await toDtos([r]))[0];
    },
    async create(input: WebhookSubscriptionCreate): Promise<{ record: SubscriptionRecord; dto: WebhookSubscription }> {
      const url = checkWebhookUrl(input.url, { allowPrivateAddresses: deps.allowPrivateAddresses() }).toString();
      const eventTypes = checkEventTypes(input.eventTypes);
      const key = await db.selectFrom('api_keys').select('id').where('id', '=', input.apiKeyId).executeTakeFirst();
      if (!key) throw new WebhookFieldError(WEBHOOK_ERROR_CODES.API_KEY, '/body/apiKeyId', `There is no API key ${input.apiKeyId}`);
      const at = deps.now();
      const id = randomUUID();
      await db
        .insertInto('webhook_subscriptions')
        .values({
          id,
          api_key_id: input.apiKeyId,
          url,
          secret: newWebhookSecret(),
          event_types: JSON.stringify(eventTypes),
          description: input.description ?? null,
          disabled: input.disabled ? 1 : 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const record = (await find(id))!;
      return { record, dto: (await toDtos([record]))[0]! };
    },
    async update(id: string, patch: WebhookSubscriptionUpdate): Promise<SubscriptionRecord | undefined> {
      if (!(await find(id))) return undefined;
      const set = {
        ...(patch.url === undefined ? {} : { url: checkWebhookUrl(patch.url, { allowPrivateAddresses: deps.allowPrivateAddresses() }).toString() }),
        ...(patch.eventTypes === undefined ? {} : { event_types: JSON.stringify(checkEventTypes(patch.eventTypes)) }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
        updated_at: deps.now(),
      };
      await db.updateTable('webhook_subscriptions').set(set).where('id', '=', id).execute();
      return find(id);
    },
    async remove(id: string): Promise<boolean> {
      await db.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
      const r = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
export type SubscriptionsStore = ReturnType<typeof createSubscriptionsStore>;
