import { customersQuery, MAX_CUSTOMERS_PAGE } from '../admin-api/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { pageSize } from './page-size.ts';

/** The scope Shopify requires to read customers. */
export const CUSTOMERS_SCOPE = 'read_customers';

/**
 * `shopifyCustomers`: PII, so only when asked for explicitly and with `read_customers` granted; otherwise
 * SCOPE_REQUIRED with a grant URL before anything is sent to Shopify. Nothing of a customer is logged.
 */
export const resolveShopifyCustomers: NonNullable<QueryResolvers['shopifyCustomers']> = async (
  _parent,
  args,
  { stores },
) => {
  const { session } = await stores.connection(args.connectionId);
  await session.requireScopes([CUSTOMERS_SCOPE]);
  const data = await session.request(customersQuery, {
    first: pageSize(args.first, 20, MAX_CUSTOMERS_PAGE),
    after: args.after ?? null,
    query: args.query ?? null,
  });
  return {
    nodes: data.customers.nodes.map((customer) => ({
      id: customer.id,
      email: customer.defaultEmailAddress?.emailAddress ?? null,
      firstName: customer.firstName,
      lastName: customer.lastName,
      ordersCount: Number(customer.numberOfOrders),
      totalSpent: customer.amountSpent,
      createdAt: new Date(customer.createdAt),
    })),
    pageInfo: data.customers.pageInfo,
  };
};
