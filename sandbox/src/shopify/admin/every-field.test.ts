import { FIXED_NOW } from '@ionflux/testing/shopify-simulator';
import {
  execute,
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ShopState } from '../data/shop-state.ts';
import type { AdminContext } from './admin-context.ts';
import { buildAdminSchema } from './admin-schema.ts';

const schema = buildAdminSchema();
const MAX_DEPTH = 4;

/** Arguments for fields that require some. */
const REQUIRED_ARGS: Record<string, string> = { quantities: '(names: ["available", "on_hand", "incoming"])' };

function selection(type: GraphQLNamedType, depth: number): string {
  if (isAbstractType(type)) {
    const members = schema
      .getPossibleTypes(type)
      .map((member) => `... on ${member.name} { ${selection(member, depth)} }`);
    return `__typename ${members.join(' ')}`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    const required = field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required && !REQUIRED_ARGS[field.name]) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    const args =
      REQUIRED_ARGS[field.name] ?? (field.args.some((a) => a.name === 'first') ? '(first: 2)' : '');
    const inner = selection(named, depth + 1);
    if (inner) parts.push(`${field.name}${args} { ${inner} }`);
  }
  return parts.join(' ');
}

function context(shop: ShopState): AdminContext {
  return {
    shop,
    scopes: [
      'read_products',
      'read_orders',
      'read_all_orders',
      'read_customers',
      'read_discounts',
      'read_inventory',
    ],
    baseUrl: 'http://simulator.test',
    apiVersion: '2025-04',
    now: () => FIXED_NOW,
    bulk: false,
    effects: {
      startBulkQuery: () => ({ ok: false, message: 'unused', code: 'INVALID' }),
      cancelBulkOperation: () => false,
    },
  };
}

describe('every field of the served schema', () => {
  it('resolves without errors (non-null fields included) over seeded data', async () => {
    const shop = new ShopState(
      'fields.myshopify.com',
      3,
      { products: 6, customers: 20, orders: 300, days: 90 },
      FIXED_NOW,
    );
    shop.webhookSubscriptions.push({
      id: 1,
      topic: 'ORDERS_CREATE',
      callbackUrl: 'https://app.test/hook',
      format: 'JSON',
      includeFields: [],
      metafieldNamespaces: [],
      filter: null,
      apiVersion: '2025-04',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    shop.discounts.push({
      id: 2,
      title: 'Ten',
      code: 'TEN',
      codeId: 3,
      percentage: 0.1,
      amountCents: null,
      appliesOnEachItem: false,
      appliesOncePerCustomer: true,
      usageLimit: null,
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
      startsAt: FIXED_NOW,
      endsAt: null,
      createdAt: FIXED_NOW,
    });
    shop.bulkOperations.push({
      id: 4,
      status: 'COMPLETED',
      errorCode: null,
      query: '{ products { edges { node { id } } } }',
      createdAt: FIXED_NOW,
      completedAt: FIXED_NOW,
      objectCount: 6,
      rootObjectCount: 6,
      fileSize: 100,
      fileName: '4.jsonl',
    });
    const root = schema.getQueryType();
    if (!root) throw new Error('no query root');
    const fields = [
      'shop',
      'products',
      'productVariants',
      'customers',
      'locations',
      'webhookSubscriptions',
      'codeDiscountNodes',
      'currentBulkOperation',
    ];
    const query = `{
      ${fields.map((name) => `${name}${name === 'shop' || name === 'currentBulkOperation' ? '' : '(first: 2)'} { ${selection(getNamedType(root.getFields()[name]?.type) as GraphQLNamedType, 1)} }`).join('\n')}
      refunded: orders(first: 2, query: "financial_status:refunded") { nodes { ${selection(schema.getType('Order') as GraphQLNamedType, 2)} } }
      inventoryItem(id: "gid://shopify/InventoryItem/${shop.products[0]?.variants[0]?.inventoryItemId}") { ${selection(schema.getType('InventoryItem') as GraphQLNamedType, 1)} }
      cancelled: orders(first: 1, query: "status:cancelled") { nodes { ${selection(schema.getType('Order') as GraphQLNamedType, 2)} } }
    }`;
    const result = await execute({ schema, document: parse(query), contextValue: context(shop) });
    expect(result.errors).toBeUndefined();
    const text = JSON.stringify(result.data);
    for (const field of [
      'totalRefundedSet',
      'inventoryLevels',
      'quantities',
      'customerGets',
      'selectedOptions',
      'endpoint',
      'defaultEmailAddress',
      'billingAddress',
      'lastOrder',
      'fileSize',
    ]) {
      expect(text).toContain(`"${field}"`);
    }
  });
});
