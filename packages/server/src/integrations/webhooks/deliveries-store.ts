import type { WebhookDelivery, WebhookDeliveryStatus } from '@amiable/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable } from '../../persistence/schema.ts';

/** A delivery to enqueue: its id is in its body already. */
export interface NewDelivery {
  id: string;
  subscriptionId: string;
  /** The same event enqueued twice for one subscription is one delivery. */
  eventKey: string;
  eventType: string;
  body: string;
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventType: string;
  body: string;
  attempts: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toDto = (row: Selectable<WebhookDeliveriesTable>): WebhookDelivery => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  eventType: row.event_type,
  status: row.status as WebhookDeliveryStatus,
  attempts: Number(row.attempts),
  lastError: row.last_error,
  responseCode: row.response_code === null ? null : Number(row.response_code),
  nextAttemptAt: row.status === 'pending' ? iso(Number(row.next_attempt_at)) : null,
  createdAt: iso(Number(row.created_at)),
  updatedAt: iso(Number(row.updated_at)),
});

/**
 * The outbox of webhook deliveries, which is also their log. A delivery is `pending` until an
 * attempt gets a 2xx (`delivered`) or the last attempt fails (`failed`). A node claims a due
 * delivery with a conditional update (`locked_until` in the past or unset) before posting it, so
 * two nodes never post the same delivery at once, and a claim left by a dead process lapses.
 */
export function createDeliveriesStore(deps: { db: Kysely<Database>; now: () => number }) {
  const { db } = deps;
  const due = (now: number) =>
    db
      .selectFrom('webhook_deliveries')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]));

  return {
    /** Enqueues deliveries in one statement; those already there (same subscription and event key) are skipped. */
    async enqueue(deliveries: readonly NewDelivery[]): Promise<void> {
      if (deliveries.length === 0) return;
      const at = deps.now();
      await db
        .insertInto('webhook_deliveries')
        .values(
          deliveries.map((d) => ({
            id: d.id,
            subscription_id: d.subscriptionId,
            event_key: d.eventKey,
            event_type: d.eventType,
            body: d.body,
            status: 'pending',
            attempts: 0,
            next_attempt_at: at,
            last_error: null,
            response_code: null,
            locked_until: null,
            locked_by: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['subscription_id', 'event_key']).doNothing())
        .execute();
    },

    /** Subscriptions with due deliveries nobody holds. */
    async dueSubscriptions(): Promise<string[]> {
      const rows = await due(deps.now()).select('subscription_id').distinct().execute();
      return rows.map((r) => r.subscription_id);
    },

    /** Claims up to `limit` due deliveries of one subscription, oldest first, for `lockMs`. */
    async claim(subscriptionId: string, limit: number, owner: string, lockMs: number): Promise<ClaimedDelivery[]> {
      const now = deps.now();
      const rows = await due(now)
        .where('subscription_id', '=', subscriptionId)
        .select(['id', 'subscription_id', 'event_type', 'body', 'attempts'])
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      const claimed: ClaimedDelivery[] = [];
      for (const row of rows) {
        const r = await db
          .updateTable('webhook_deliveries')
          .set({ locked_until: now + lockMs, locked_by: owner })
          .where('id', '=', row.id)
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) {
          claimed.push({ id: row.id, subscriptionId: row.subscription_id, eventType: row.event_type, body: row.body, attempts: Number(row.attempts) });
        }
      }
      return claimed;
    },

    async delivered(id: string, attempts: number, responseCode: number): Promise<void> {
      await db
        .updateTable('webhook_deliveries')
        .set({ status: 'delivered', attempts, response_code: responseCode, last_error: null, locked_until: null, locked_by: null, updated_at: deps.now() })
        .where('id', '=', id)
        .execute();
    },

    /** Records a failed attempt: pending again at `nextAttemptAt`, or failed for good when that is null. */
    async attemptFailed(id: string, attempts: number, error: string, responseCode: number | null, nextAttemptAt: number | null): Promise<void> {
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: nextAttemptAt === null ? 'failed' : 'pending',
          attempts,
          last_error: error.slice(0, 500),
          response_code: responseCode,
          ...(nextAttemptAt === null ? {} : { next_attempt_at: nextAttemptAt }),
          locked_until: null,
          locked_by: null,
          updated_at: deps.now(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Gives back claims without counting an attempt (this process stops while posting). */
    async release(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('webhook_deliveries').set({ locked_until: null, locked_by: null }).where('id', 'in', [...ids]).where('status', '=', 'pending').execute();
    },

    /** Gives back every claim (one node, starting: the claims are a previous run's). */
    async releaseAll(): Promise<number> {
      const r = await db
        .updateTable('webhook_deliveries')
        .set({ locked_until: null, locked_by: null })
        .where('status', '=', 'pending')
        .where('locked_until', 'is not', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async log(subscriptionId: string, query: { limit: number; offset: number; status?: WebhookDeliveryStatus }): Promise<{ items: WebhookDelivery[]; total: number }> {
      let q = db.selectFrom('webhook_deliveries').where('subscription_id', '=', subscriptionId);
      if (query.status) q = q.where('status', '=', query.status);
      const total = Number((await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
      return { items: rows.map(toDto), total };
    },

    async get(id: string): Promise<WebhookDelivery | undefined> {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toDto(row);
    },

    /** Deletes delivered and failed deliveries last touched before `olderThan`. */
    async prune(olderThan: number): Promise<number> {
      const r = await db.deleteFrom('webhook_deliveries').where('status', '!=', 'pending').where('updated_at', '<', olderThan).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
export type DeliveriesStore = ReturnType<typeof createDeliveriesStore>;
