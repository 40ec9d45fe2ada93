import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import type { PageInfo } from './products-query.ts';

export const MAX_CUSTOMERS_PAGE = 100;

export interface AdminCustomer {
  id: string;
  defaultEmailAddress: { emailAddress: string } | null;
  firstName: string | null;
  lastName: string | null;
  numberOfOrders: string;
  amountSpent: { amount: string; currencyCode: string };
  createdAt: string;
}

/** Customers (PII): sent only with `read_customers` granted and when a caller asks for them. */
export const customersQuery: AdminOperation<
  { customers: { nodes: AdminCustomer[]; pageInfo: PageInfo } },
  { first: number; after?: string | null; query?: string | null }
> = {
  name: 'IonfluxCustomers',
  document: /* GraphQL */ `
    query IonfluxCustomers($first: Int!, $after: String, $query: String) {
      customers(first: $first, after: $after, query: $query) {
        nodes {
          id firstName lastName numberOfOrders createdAt
          defaultEmailAddress { emailAddress }
          amountSpent { amount currencyCode }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  estimateCost: ({ first }) => connectionCost(first, 3) + 1,
};
