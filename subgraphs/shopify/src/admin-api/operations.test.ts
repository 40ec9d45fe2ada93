import { readFileSync } from 'node:fs';
// Test-only: the simulator's own cost rules, so the estimates the bucket takes are checked, not trusted.
import { ADMIN_SCHEMA_PATH, queryCost } from '@ionflux/sandbox/shopify';
import {
  buildSchema,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_COST } from './admin-cost.ts';
import type { AdminOperation } from './admin-operation.ts';
import * as operations from './operations/index.ts';

const schema = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, 'utf8'));

/** Every Admin operation the subgraph sends, with the dearest variables it sends it with. */
const cases: [AdminOperation<unknown, Record<string, unknown>>, Record<string, unknown>][] = [
  [operations.shopQuery, {}],
  [operations.productsQuery, { first: operations.MAX_PRODUCTS_PAGE, after: null, query: 'status:active' }],
  [operations.productsQuery, { first: 1 }],
  [
    operations.nodesQuery,
    { ids: Array.from({ length: operations.NODES_PER_CALL }, (_, i) => `gid://shopify/Product/${i + 1}`) },
  ],
  [
    operations.ordersQuery,
    { first: operations.MAX_ORDERS_PAGE, lineItems: operations.lineItemsWindow(operations.MAX_ORDERS_PAGE) },
  ],
  [operations.ordersQuery, { first: 1, lineItems: operations.lineItemsWindow(1) }],
  [operations.ordersQuery, { first: 7, lineItems: operations.lineItemsWindow(7) }],
  [operations.orderQuery, { id: 'gid://shopify/Order/1', lineItems: operations.lineItemsWindow(1) }],
  [operations.customersQuery, { first: operations.MAX_CUSTOMERS_PAGE }],
  [
    operations.mirrorOrdersQuery,
    {
      first: operations.MIRROR_ORDERS_PAGE,
      lineItems: operations.MIRROR_ORDER_LINES,
      query: 'updated_at:>=1',
    },
  ],
  [
    operations.orderLineItemsQuery,
    { id: 'gid://shopify/Order/1', after: null, first: operations.MIRROR_MORE_LINES },
  ],
  [operations.mirrorOrderQuery, { id: 'gid://shopify/Order/1', lineItems: operations.MIRROR_MORE_LINES }],
  [
    operations.mirrorProductsQuery,
    { first: operations.MIRROR_PRODUCTS_PAGE, variants: operations.MIRROR_PRODUCT_VARIANTS, after: null },
  ],
  [operations.productVariantsQuery, { id: 'gid://shopify/Product/1', after: null, first: 250 }],
  [operations.bulkOperationRunQuery, { query: '{ products { edges { node { id } } } }' }],
  [operations.bulkOperationQuery, { id: 'gid://shopify/BulkOperation/1' }],
  [operations.currentBulkOperationQuery, {}],
  [operations.webhookSubscriptionsQuery, { first: operations.WEBHOOK_SUBSCRIPTIONS_PAGE, after: null }],
  [operations.webhookSubscriptionCreate, { topic: 'ORDERS_CREATE', url: 'https://example.com/webhooks' }],
  [operations.webhookSubscriptionDelete, { id: 'gid://shopify/WebhookSubscription/1' }],
  [
    operations.discountCodeCreate,
    {
      input: {
        title: 't',
        code: 'C',
        startsAt: '2026-01-01T00:00:00Z',
        customerSelection: { all: true },
        customerGets: { items: { all: true }, value: { percentage: 0.1 } },
      },
    },
  ],
];

describe('Admin operations', () => {
  it('every operation the subgraph exports is covered here', () => {
    const exported = Object.values(operations as Record<string, unknown>).filter(
      (value) => typeof value === 'object' && value !== null && 'document' in value,
    );
    expect(new Set<unknown>(cases.map(([operation]) => operation))).toEqual(new Set(exported));
  });

  it.each(cases.map(([operation, variables]) => [operation.name, operation, variables] as const))(
    '%s validates against the served Admin SDL, costs under 1000 and no more than its estimate',
    (_name, operation, variables) => {
      const document = parse(operation.document);
      expect(validate(schema, document)).toEqual([]);
      const definition = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (!definition) throw new Error('no operation');
      const fragments = Object.fromEntries(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const cost = queryCost({ schema, operation: definition, fragments, variables });
      expect(cost).toBeLessThan(MAX_QUERY_COST);
      expect(operation.estimateCost(variables)).toBeGreaterThanOrEqual(cost);
    },
  );
});
