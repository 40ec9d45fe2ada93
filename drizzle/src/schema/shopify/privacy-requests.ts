import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shopify } from './shopify-schema.ts';

/**
 * The mandatory privacy webhooks received (`customers/data_request`, `customers/redact`, `shop/redact`)
 * and what was done: the record a store owner or auditor asks for. Holds the customer's id, never their
 * email or phone.
 */
export const privacyRequests = shopify.table(
  'privacy_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The webhook delivery it came in (`kit.webhook_deliveries.id`): one record per delivery. */
    deliveryId: uuid('delivery_id').notNull().unique(),
    shopDomain: text('shop_domain').notNull(),
    topic: text('topic').notNull(),
    customerId: text('customer_id'),
    orderIds: text('order_ids').array().notNull(),
    /** What was exported or deleted (counts, order ids), never personal data. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('privacy_requests_shop_idx').on(t.shopDomain, t.receivedAt)],
);
