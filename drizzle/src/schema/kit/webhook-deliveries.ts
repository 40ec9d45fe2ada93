import { index, integer, json, jsonb, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { kit } from './kit-schema.ts';

export const webhookDeliveryStatus = kit.enum('webhook_delivery_status', [
  'RECEIVED',
  'PROCESSING',
  'PROCESSED',
  'FAILED',
  'DEAD',
]);

/**
 * Every accepted webhook, stored before the 200 in the same transaction that enqueues its processing
 * (spec 4.F). Unique on the provider's delivery id, so a redelivery is recognised and processed once.
 */
export const webhookDeliveries = kit.table(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** e.g. shopify, tiktok. */
    provider: text('provider').notNull(),
    /** The provider's id of this delivery, e.g. X-Shopify-Webhook-Id. */
    deliveryId: text('delivery_id').notNull(),
    topic: text('topic').notNull(),
    /** The provider account it concerns, e.g. the shop domain. */
    accountId: text('account_id'),
    /** Headers worth keeping (signatures and auth stripped). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /**
     * The body as the provider sent it: `json` (the text, checked), not `jsonb`: converting each body to
     * jsonb was a third of the database's CPU per delivery under a burst (`npm run bench --
     * shopify-events`), and json keeps what jsonb refuses (`\u0000` in a string) and numbers exactly as
     * sent. Nothing queries it by containment; `->` and `->>` work on json too.
     */
    payload: json('payload').notNull(),
    /**
     * The job task that applies this delivery (its source's processTask), kept on the row so that a
     * replay by id needs nothing but the id.
     */
    processTask: text('process_task'),
    status: webhookDeliveryStatus('status').notNull().default('RECEIVED'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    unique('webhook_deliveries_provider_delivery_unique').on(t.provider, t.deliveryId),
    index('webhook_deliveries_status_idx').on(t.status, t.receivedAt),
  ],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
