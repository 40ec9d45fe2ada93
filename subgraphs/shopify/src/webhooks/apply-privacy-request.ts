import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import { notify } from '@ionflux/kit/notifications';
import type { WebhookDeliveryRow } from '@ionflux/kit/webhooks';
import { z } from 'zod';
import { deleteConnectionMirror, type MirrorTx, pgArray, toGid } from '../mirror/index.ts';
import { shopifyProvider } from '../registration.ts';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
const privacyPayload = z.object({
  customer: z.object({ id }).nullish(),
  orders_requested: z.array(id).max(100_000).nullish(),
  orders_to_redact: z.array(id).max(100_000).nullish(),
  data_request: z.object({ id }).nullish(),
});

/** The deliveries of a shop that may hold personal data: every topic the app receives carrying a customer. */
const REDACTED = '{"redacted":true}';

/**
 * The mandatory privacy webhooks (reference/shopify.md §4), idempotent per delivery (the record in
 * `shopify.privacy_requests` is written once and its result returned again on a replay):
 * - `customers/data_request`: the mirror holds no customer details, so the export lists what it holds
 *   of the requested orders (ids, names, totals); each workspace with the store is notified.
 * - `customers/redact`: the stored webhook payloads that carry the customer or the orders to redact
 *   (they hold names, emails, addresses) are blanked; the mirror holds nothing of them to delete.
 * - `shop/redact`: the mirror of every connection of the store that is not CONNECTED is deleted and
 *   every stored payload of the store blanked.
 */
export async function applyPrivacyRequest(
  deps: { sql: Sql; bus: EventBus },
  delivery: WebhookDeliveryRow,
  shop: string,
): Promise<Record<string, unknown>> {
  return deps.sql.begin(async (tx) => {
    const [done] = await tx<{ result: Record<string, unknown> }[]>`
      select result from shopify.privacy_requests where delivery_id = ${delivery.id}`;
    if (done) return done.result;
    const parsed = privacyPayload.safeParse(delivery.payload);
    if (!parsed.success) throw new Error(`the ${delivery.topic} payload is malformed`);
    const request = parsed.data;
    const customerId = request.customer?.id ?? null;
    const orderIds = request.orders_requested ?? request.orders_to_redact ?? [];
    let result: Record<string, unknown>;
    switch (delivery.topic) {
      case 'customers/data_request':
        result = await exportCustomerData(tx, deps, shop, customerId, orderIds);
        break;
      case 'customers/redact':
        result = {
          mirroredPersonalData: 0,
          deliveriesBlanked: await blankDeliveries(tx, shop, { customerId, orderIds }),
        };
        break;
      case 'shop/redact':
        result = await eraseShop(tx, shop);
        break;
      default:
        throw new Error(`${delivery.topic} is not a privacy topic`);
    }
    await tx`
      insert into shopify.privacy_requests
        (delivery_id, shop_domain, topic, customer_id, order_ids, result, received_at)
      values (${delivery.id}, ${shop}, ${delivery.topic}, ${customerId}, ${pgArray(orderIds)}::text[],
        ${JSON.stringify(result)}::text::jsonb, ${delivery.receivedAt.toISOString()}::timestamptz)`;
    return result;
  });
}

async function exportCustomerData(
  tx: MirrorTx,
  deps: { sql: Sql; bus: EventBus },
  shop: string,
  customerId: string | null,
  orderIds: string[],
): Promise<Record<string, unknown>> {
  const gids = orderIds.map((orderId) => toGid('Order', orderId));
  const orders = await tx<
    {
      connectionId: string;
      workspaceId: string;
      orderId: string;
      name: string;
      totalPrice: string;
      currency: string;
    }[]
  >`
    select o.connection_id as "connectionId", o.workspace_id as "workspaceId", o.order_id as "orderId", o.name,
      o.total_price::text as "totalPrice", o.currency
    from shopify.orders as o join kit.integration_connections as c on c.id = o.connection_id
    where c.provider = ${shopifyProvider.id} and c.account_id = ${shop}
      and o.order_id = any(${pgArray(gids)}::text[])
    order by o.order_id`;
  const workspaces = await tx<{ id: string; workspaceId: string }[]>`
    select id, workspace_id as "workspaceId" from kit.integration_connections
    where provider = ${shopifyProvider.id} and account_id = ${shop} and status <> 'DISCONNECTED'`;
  for (const connection of workspaces) {
    const held = orders.filter((order) => order.connectionId === connection.id);
    await notify(
      deps,
      {
        workspaceId: connection.workspaceId,
        kind: 'SHOPIFY_CUSTOMER_DATA_REQUEST',
        severity: 'WARNING',
        title: `Customer data request from your Shopify store ${shop}`,
        message:
          `Shopify forwarded a request for the data IONFLUX holds about customer ${customerId ?? 'unknown'}. ` +
          `IONFLUX keeps no customer details (names, emails, addresses); it mirrors ${held.length} of the ` +
          'requested orders, listed in this notice, without any personal data. Send this to the customer.',
        provider: shopifyProvider.id,
        connectionId: connection.id,
        data: {
          customerId,
          orders: held.map(({ orderId, name, totalPrice, currency }) => ({
            orderId,
            name,
            totalPrice,
            currency,
          })),
        },
      },
      { tx },
    );
  }
  return {
    customerId,
    mirroredPersonalData: 0,
    orders: orders.map(({ orderId, name, totalPrice, currency }) => ({
      orderId,
      name,
      totalPrice,
      currency,
    })),
    workspacesNotified: workspaces.length,
  };
}

/** Blanks stored payloads of the shop carrying the customer, or one of the orders (REST or global id). */
async function blankDeliveries(
  tx: MirrorTx,
  shop: string,
  subject: { customerId: string | null; orderIds: string[] },
): Promise<number> {
  const gids = subject.orderIds.map((orderId) => toGid('Order', orderId));
  const rows = await tx`
    update kit.webhook_deliveries set payload = ${REDACTED}::text::json
    where provider = ${shopifyProvider.id} and account_id = ${shop} and payload::text <> ${REDACTED}
      and (
        (${subject.customerId}::text is not null and payload -> 'customer' ->> 'id' = ${subject.customerId}::text)
        or payload ->> 'admin_graphql_api_id' = any(${pgArray(gids)}::text[])
        or (topic like 'orders/%' and payload ->> 'id' = any(${pgArray(subject.orderIds)}::text[]))
        or (topic like 'refunds/%' and payload ->> 'order_id' = any(${pgArray(subject.orderIds)}::text[]))
      )
    returning 1`;
  return rows.length;
}

async function eraseShop(tx: MirrorTx, shop: string): Promise<Record<string, unknown>> {
  const connections = await tx<{ id: string }[]>`
    select id from kit.integration_connections
    where provider = ${shopifyProvider.id} and account_id = ${shop} and status <> 'CONNECTED'
    order by id for update`;
  for (const connection of connections) await deleteConnectionMirror(tx, connection.id);
  const blanked = await tx`
    update kit.webhook_deliveries set payload = ${REDACTED}::text::json
    where provider = ${shopifyProvider.id} and account_id = ${shop} and payload::text <> ${REDACTED}
    returning 1`;
  return { connectionsErased: connections.length, deliveriesBlanked: blanked.length };
}
