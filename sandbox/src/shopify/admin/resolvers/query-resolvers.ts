import { parseGid } from '../../data/gid.ts';
import { type AdminContext, requireScope } from '../admin-context.ts';
import {
  customersConnection,
  filterCustomers,
  filterProducts,
  productsConnection,
  variantsConnection,
} from '../catalog-query.ts';
import { arraySequence, type ConnectionArgs, paginate } from '../connection.ts';
import { resolveNode } from '../node-lookup.ts';
import { countOrders, ordersConnection } from '../order-query.ts';
import { discountNodeOf } from './discount-resolvers.ts';
import type { Args, ResolverMap, TypeResolvers } from './resolver-map.ts';
import { exactCount, locationOf } from './values.ts';

/** A root field that fetches one node by id, typed as `type`, behind `scope`. */
function byId(type: string, scope: string | null, field: string) {
  return (_root: unknown, args: Args, context: AdminContext) => {
    if (scope) requireScope(context, scope, field);
    const id = String(args.id ?? '');
    if (parseGid(id)?.type !== type) return null;
    const value = resolveNode(context, id);
    if (value instanceof Error) throw value;
    return value;
  };
}

function webhookSubscriptions(context: AdminContext, args: Args) {
  const topics = Array.isArray(args.topics) ? (args.topics as string[]) : null;
  const items = context.shop.webhookSubscriptions.filter(
    (w) =>
      (!topics || topics.includes(w.topic)) &&
      (typeof args.callbackUrl !== 'string' || w.callbackUrl === args.callbackUrl) &&
      (typeof args.format !== 'string' || w.format === args.format),
  );
  return items;
}

const queryRoot: TypeResolvers<unknown> = {
  shop: (_root, _args, context) => context.shop,
  product: byId('Product', 'read_products', 'product'),
  productVariant: byId('ProductVariant', 'read_products', 'productVariant'),
  order: byId('Order', 'read_orders', 'order'),
  customer: byId('Customer', 'read_customers', 'customer'),
  inventoryItem: byId('InventoryItem', 'read_products', 'inventoryItem'),
  webhookSubscription: byId('WebhookSubscription', null, 'webhookSubscription'),
  codeDiscountNode: byId('DiscountCodeNode', 'read_discounts', 'codeDiscountNode'),
  location: (_root, args, context) =>
    args.id ? byId('Location', null, 'location')(_root, args, context) : locationOf(context.shop),
  products: (_root, args, context) => {
    requireScope(context, 'read_products', 'products');
    return productsConnection(context, args);
  },
  productsCount: (_root, args, context) => {
    requireScope(context, 'read_products', 'productsCount');
    return exactCount(filterProducts(context, args.query).length);
  },
  productVariants: (_root, args, context) => {
    requireScope(context, 'read_products', 'productVariants');
    return variantsConnection(context, args);
  },
  orders: (_root, args, context) => {
    requireScope(context, 'read_orders', 'orders');
    return ordersConnection(context, args);
  },
  ordersCount: (_root, args, context) => {
    requireScope(context, 'read_orders', 'ordersCount');
    return countOrders(context, args);
  },
  customers: (_root, args, context) => {
    requireScope(context, 'read_customers', 'customers');
    return customersConnection(context, args);
  },
  customersCount: (_root, args, context) => {
    requireScope(context, 'read_customers', 'customersCount');
    return exactCount(filterCustomers(context, args.query).length);
  },
  locations: (_root, args, context) =>
    paginate(arraySequence([locationOf(context.shop)]), args as ConnectionArgs, {
      idOf: (l) => l.id,
      unbounded: context.bulk,
    }),
  node: (_root, args, context) => {
    const value = resolveNode(context, String(args.id ?? ''));
    if (value instanceof Error) throw value;
    return value;
  },
  nodes: (_root, args, context) =>
    (Array.isArray(args.ids) ? args.ids : []).map((id) => resolveNode(context, String(id))),
  webhookSubscriptions: (_root, args, context) =>
    paginate(
      arraySequence(webhookSubscriptions(context, args), args.reverse === true),
      args as ConnectionArgs,
      {
        idOf: (w) => w.id,
        unbounded: context.bulk,
      },
    ),
  webhookSubscriptionsCount: (_root, args, context) => exactCount(webhookSubscriptions(context, args).length),
  currentBulkOperation: (_root, args, context) => {
    if (args.type === 'MUTATION') return null;
    return context.shop.bulkOperations[context.shop.bulkOperations.length - 1] ?? null;
  },
  codeDiscountNodes: (_root, args, context) => {
    requireScope(context, 'read_discounts', 'codeDiscountNodes');
    return paginate(
      arraySequence(context.shop.discounts.map(discountNodeOf), args.reverse === true),
      args as ConnectionArgs,
      {
        idOf: (d) => d.id,
        unbounded: context.bulk,
      },
    );
  },
};

export const queryResolvers: ResolverMap = {
  QueryRoot: queryRoot,
};
