import { GraphQLError } from 'graphql';
import { LINE_ITEM_ID_BASE, ORDER_ID_BASE, REFUND_ID_BASE } from '../data/generate-order.ts';
import { parseGid } from '../data/gid.ts';
import { hasScope } from '../oauth/scopes.ts';
import { type AdminContext, oldestVisibleOrder } from './admin-context.ts';
import { discountNodeOf } from './resolvers/discount-resolvers.ts';
import { inventoryItemOf } from './resolvers/product-resolvers.ts';
import { locationOf, typed } from './resolvers/values.ts';

const SCOPE_BY_TYPE: Record<string, string> = {
  Product: 'read_products',
  ProductVariant: 'read_products',
  InventoryItem: 'read_products',
  Order: 'read_orders',
  LineItem: 'read_orders',
  Refund: 'read_orders',
  Customer: 'read_customers',
  DiscountCodeNode: 'read_discounts',
};

function findOrder(context: AdminContext, id: number) {
  const order = context.shop.orders.byId(id);
  return order && order.createdAt.getTime() >= oldestVisibleOrder(context) ? order : undefined;
}

function lookup(context: AdminContext, type: string, id: number): object | undefined {
  const shop = context.shop;
  switch (type) {
    case 'Product':
      return shop.product(id);
    case 'ProductVariant':
      return shop.variant(id);
    case 'InventoryItem': {
      const variant = shop.variantByInventoryItem(id);
      return variant ? inventoryItemOf(variant) : undefined;
    }
    case 'Order':
      return findOrder(context, id);
    case 'LineItem': {
      const order = findOrder(context, ORDER_ID_BASE + Math.floor((id - LINE_ITEM_ID_BASE) / 8));
      const line = order?.lineItems.find((l) => l.id === id);
      return order && line ? { id, line, order } : undefined;
    }
    case 'Refund': {
      const order = findOrder(context, ORDER_ID_BASE + (id - REFUND_ID_BASE)) ?? shop.refundOwner(id);
      const refund = order?.refunds.find((r) => r.id === id);
      return order && refund ? { refund, order } : undefined;
    }
    case 'Customer':
      return shop.customer(id);
    case 'Location': {
      const location = locationOf(shop);
      return location.id === id ? location : undefined;
    }
    case 'WebhookSubscription':
      return shop.webhookSubscriptions.find((w) => w.id === id);
    case 'BulkOperation':
      return shop.bulkOperations.find((b) => b.id === id);
    case 'DiscountCodeNode': {
      const discount = shop.discounts.find((d) => d.id === id);
      return discount ? discountNodeOf(discount) : undefined;
    }
    default:
      return undefined;
  }
}

/** Resolves a global id to a value tagged with its type, or null; errors are returned, not thrown. */
export function resolveNode(context: AdminContext, gid: string): object | null | GraphQLError {
  const parsed = parseGid(gid);
  if (!parsed)
    return new GraphQLError(`Invalid global id '${gid}'`, {
      extensions: { code: 'argumentLiteralsIncompatible' },
    });
  const scope = SCOPE_BY_TYPE[parsed.type];
  if (scope && !hasScope(context.scopes, scope)) {
    return new GraphQLError(`Access denied for ${parsed.type}. Required access: \`${scope}\` access scope.`, {
      extensions: {
        code: 'ACCESS_DENIED',
        documentation: 'https://shopify.dev/api/usage/access-scopes',
        requiredAccess: `\`${scope}\` access scope.`,
      },
    });
  }
  const value = lookup(context, parsed.type, parsed.id);
  return value ? typed(value, parsed.type) : null;
}
