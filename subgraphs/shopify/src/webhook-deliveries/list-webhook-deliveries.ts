import { readTimestamp, type Sql, type StoredTimestamp, timestampParam } from '@ionflux/kit/db';
import { IntegrationError } from '@ionflux/kit/errors';
import type { ShopifyContext } from '../context.ts';
import type { ShopifyWebhookDelivery, ShopifyWebhookDeliveryStatus } from '../generated/resolvers-types.ts';
import { listShopifyConnections } from '../queries/index.ts';
import { shopifyProvider } from '../registration.ts';

/** The most deliveries one `shopifyWebhookDeliveries` answers. */
export const MAX_WEBHOOK_DELIVERIES = 200;

const columns = (sql: Sql, connectionId: string) => sql`
  id, ${connectionId}::uuid as "connectionId", delivery_id as "shopifyDeliveryId", topic, status, attempts,
  last_error as error, received_at as "receivedAt", processed_at as "processedAt"`;

/**
 * The connection of the caller's workspace, or NOT_FOUND. A delivery belongs to it when it names its
 * store and arrived after the connection was made: a store connected by another workspace earlier keeps
 * that workspace's deliveries to itself.
 */
export async function webhookScopeOf(
  context: Pick<ShopifyContext, 'db' | 'identity'>,
  connectionId: string,
): Promise<{ connectionId: string; shop: string; since: Date }> {
  const [record] = await listShopifyConnections(context.db, context.identity.workspaceId, { connectionId });
  if (!record)
    throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
  return {
    connectionId: record.connection.id,
    shop: record.connection.accountId,
    since: new Date(record.connection.createdAt),
  };
}

type DeliveryRow = Omit<ShopifyWebhookDelivery, 'receivedAt' | 'processedAt'> & {
  receivedAt: StoredTimestamp;
  processedAt: StoredTimestamp | null;
};

// The pool is drizzle-wrapped: timestamps arrive as Postgres text, which the DateTime scalar refuses.
const toDelivery = (row: DeliveryRow): ShopifyWebhookDelivery => ({
  ...row,
  receivedAt: readTimestamp(row.receivedAt),
  processedAt: readTimestamp(row.processedAt),
});

/** `shopifyWebhookDeliveries`: newest first, optionally of one status. */
export async function listWebhookDeliveries(
  context: Pick<ShopifyContext, 'db' | 'sql' | 'identity'>,
  args: { connectionId: string; status?: ShopifyWebhookDeliveryStatus | null; first?: number | null },
): Promise<ShopifyWebhookDelivery[]> {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_WEBHOOK_DELIVERIES) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${MAX_WEBHOOK_DELIVERIES}.`);
  }
  const scope = await webhookScopeOf(context, args.connectionId);
  const { sql } = context;
  const rows = await sql<DeliveryRow[]>`
    select ${columns(sql, scope.connectionId)}
    from kit.webhook_deliveries
    where provider = ${shopifyProvider.id} and account_id = ${scope.shop} and received_at >= ${timestampParam(scope.since)}::timestamptz
      ${args.status ? sql`and status = ${args.status}` : sql``}
    order by received_at desc, id
    limit ${first}`;
  return rows.map(toDelivery);
}

/** One delivery in the connection's scope, or undefined. */
export async function findWebhookDelivery(
  sql: Sql,
  scope: { connectionId: string; shop: string; since: Date },
  id: string,
): Promise<ShopifyWebhookDelivery | undefined> {
  const [row] = await sql<DeliveryRow[]>`
    select ${columns(sql, scope.connectionId)}
    from kit.webhook_deliveries
    where id = ${id} and provider = ${shopifyProvider.id} and account_id = ${scope.shop}
      and received_at >= ${timestampParam(scope.since)}::timestamptz`;
  return row && toDelivery(row);
}
