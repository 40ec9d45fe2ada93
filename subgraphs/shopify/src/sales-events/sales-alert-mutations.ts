import { IntegrationError } from '@ionflux/kit/errors';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { compareDecimal } from '../mirror/index.ts';
import { listShopifyConnections } from '../queries/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A threshold above this is refused: no order total or stock figure goes near it. */
const MAX_THRESHOLD = '1000000000000';
const MAX_STOCK_THRESHOLD = 1_000_000;

function requireBrandId(brandId: string): string {
  if (!UUID.test(brandId)) throw new IntegrationError('INVALID_REQUEST', 'brandId must be a UUID.');
  return brandId;
}

/** `shopifySalesAlerts(brandId)`: the brand's settings in the caller's workspace. */
export const resolveShopifySalesAlerts: NonNullable<QueryResolvers['shopifySalesAlerts']> = async (
  _parent,
  { brandId },
  { sql, identity },
) => {
  const [row] = await sql<{ threshold: string | null }[]>`
    select high_value_order_threshold::text as threshold from shopify.brand_sales_alerts
    where workspace_id = ${identity.workspaceId} and brand_id = ${requireBrandId(brandId)}`;
  return { brandId, highValueOrderThreshold: row?.threshold ?? null };
};

/** `setShopifyHighValueOrderThreshold`: sets or clears the brand's HIGH_VALUE_ORDER threshold. */
export const setShopifyHighValueOrderThreshold: NonNullable<
  MutationResolvers['setShopifyHighValueOrderThreshold']
> = async (_parent, { brandId, amount }, { sql, identity }) => {
  requireBrandId(brandId);
  if (amount != null && (compareDecimal(amount, '0') <= 0 || compareDecimal(amount, MAX_THRESHOLD) > 0)) {
    throw new IntegrationError('INVALID_REQUEST', `amount must be above 0 and at most ${MAX_THRESHOLD}.`);
  }
  await sql`
    insert into shopify.brand_sales_alerts (workspace_id, brand_id, high_value_order_threshold, updated_at)
    values (${identity.workspaceId}, ${brandId}, ${amount ?? null}::numeric, now())
    on conflict (workspace_id, brand_id) do update set
      high_value_order_threshold = excluded.high_value_order_threshold, updated_at = now()`;
  return { brandId, highValueOrderThreshold: amount ?? null };
};

/** `shopifyInventoryThresholds(connectionId)`: the store's key products. */
export const resolveShopifyInventoryThresholds: NonNullable<
  QueryResolvers['shopifyInventoryThresholds']
> = async (_parent, { connectionId }, { db, sql, identity }) => {
  const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
  if (!record) return [];
  return sql<{ connectionId: string; productId: string; threshold: number }[]>`
    select connection_id as "connectionId", product_id as "productId", threshold
    from shopify.inventory_thresholds
    where connection_id = ${record.connection.id} and workspace_id = ${identity.workspaceId}
    order by product_id`;
};

/**
 * `setShopifyLowInventoryThreshold`: makes a mirrored product a key product with a stock threshold, or
 * (null) removes it. The product must be in the store's mirror.
 */
export const setShopifyLowInventoryThreshold: NonNullable<
  MutationResolvers['setShopifyLowInventoryThreshold']
> = async (_parent, { connectionId, productId, threshold }, { db, sql, identity }) => {
  const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
  if (!record)
    throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
  if (threshold == null) {
    await sql`
      delete from shopify.inventory_thresholds
      where connection_id = ${record.connection.id} and product_id = ${productId}`;
    return null;
  }
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_STOCK_THRESHOLD) {
    throw new IntegrationError('INVALID_REQUEST', `threshold must be between 0 and ${MAX_STOCK_THRESHOLD}.`);
  }
  const [product] = await sql`
    select 1 from shopify.products where connection_id = ${record.connection.id} and product_id = ${productId}`;
  if (!product) {
    throw new IntegrationError(
      'NOT_FOUND',
      'That product is not in the store’s mirror (yet): sync the store first.',
    );
  }
  await sql`
    insert into shopify.inventory_thresholds (connection_id, product_id, workspace_id, threshold, updated_at)
    values (${record.connection.id}, ${productId}, ${identity.workspaceId}, ${threshold}, now())
    on conflict (connection_id, product_id) do update set threshold = excluded.threshold, updated_at = now()`;
  return { connectionId: record.connection.id, productId, threshold };
};
