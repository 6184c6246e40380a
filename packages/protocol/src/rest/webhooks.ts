import { type Static, Type } from '@sinclair/typebox';
import { Identifier, Nullable, SafeString, Timestamp } from '../strings.ts';

/**
 * Webhook subscriptions: an integration (API key) receives the catalogue events it subscribed to,
 * within its scope, as signed HTTP POSTs. See the README's Integrations section.
 */

/** The event type of a test delivery (`POST /api/webhooks/:id/test`); not a catalogue event, never subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The header that carries `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Amiable-Signature';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A URL as a subscription takes it; the server checks scheme and address (`CTI_ERR_WEBHOOK_URL`). */
const WebhookUrl = () => Type.String({ minLength: 1, maxLength: 2048 });
const EventTypes = () => Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 64 });

export const WebhookSubscriptionSchema = Type.Object({
  id: Identifier(),
  /** The integration: the API key whose scope filters what is delivered. */
  apiKeyId: Identifier(),
  url: WebhookUrl(),
  eventTypes: Type.Array(Type.String({ maxLength: 64 })),
  description: Nullable(SafeString({ maxLength: 500 })),
  disabled: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  /** Deliveries per status. */
  deliveries: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() }),
});
export type WebhookSubscription = Static<typeof WebhookSubscriptionSchema>;

export const WebhookSubscriptionCreateSchema = Type.Object(
  {
    apiKeyId: Identifier(),
    url: WebhookUrl(),
    eventTypes: EventTypes(),
    description: Type.Optional(Nullable(SafeString({ maxLength: 500 }))),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebhookSubscriptionCreate = Static<typeof WebhookSubscriptionCreateSchema>;

export const WebhookSubscriptionUpdateSchema = Type.Object(
  {
    url: Type.Optional(WebhookUrl()),
    eventTypes: Type.Optional(EventTypes()),
    description: Type.Optional(Nullable(SafeString({ maxLength: 500 }))),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type WebhookSubscriptionUpdate = Static<typeof WebhookSubscriptionUpdateSchema>;

/** The answer to a create: the signing secret is in it, and only there. */
export const WebhookSubscriptionCreatedSchema = Type.Composite([
  WebhookSubscriptionSchema,
  Type.Object({ secret: Type.String({ maxLength: 256 }) }),
]);
export type WebhookSubscriptionCreated = Static<typeof WebhookSubscriptionCreatedSchema>;

/** One entry of a subscription's delivery log. */
export const WebhookDeliverySchema = Type.Object({
  id: Identifier(),
  subscriptionId: Identifier(),
  eventType: Type.String({ maxLength: 64 }),
  status: Type.Union(WEBHOOK_DELIVERY_STATUSES.map((s) => Type.Literal(s))),
  attempts: Type.Integer({ minimum: 0 }),
  /** The last attempt's error (connection refused, timeout, `HTTP 500`); null once delivered. */
  lastError: Nullable(Type.String({ maxLength: 500 })),
  /** The HTTP status of the last answer, if the receiver answered. */
  responseCode: Nullable(Type.Integer()),
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: Nullable(Timestamp()),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookDeliveryQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  status: Type.Optional(Type.Union(WEBHOOK_DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
});
export type WebhookDeliveryQuery = Static<typeof WebhookDeliveryQuerySchema>;
