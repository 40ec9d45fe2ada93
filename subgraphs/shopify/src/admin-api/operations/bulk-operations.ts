import type { AdminOperation } from '../admin-operation.ts';

export type BulkOperationStatus =
  | 'CREATED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELING'
  | 'CANCELED'
  | 'EXPIRED';

export interface AdminBulkOperation {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  objectCount: string;
  url: string | null;
  query: string;
  createdAt: string;
}

const BULK_FIELDS = 'id status errorCode objectCount url query createdAt';

/**
 * Starts a bulk query (reference/shopify.md §1: one at a time per app and shop before 2026-01; a second
 * one gets a userError naming the running one). A mutation: 10 points.
 */
export const bulkOperationRunQuery: AdminOperation<
  {
    bulkOperationRunQuery: {
      bulkOperation: AdminBulkOperation | null;
      userErrors: { field: string[] | null; message: string; code?: string | null }[];
    } | null;
  },
  { query: string }
> = {
  name: 'IonfluxBulkOperationRunQuery',
  document: /* GraphQL */ `
    mutation IonfluxBulkOperationRunQuery($query: String!) {
      bulkOperationRunQuery(query: $query) {
        bulkOperation { ${BULK_FIELDS} }
        userErrors { field message }
      }
    }
  `,
  estimateCost: () => 10,
  mutation: true,
};

/** A bulk operation by id (what the sync polls until it ends). */
export const bulkOperationQuery: AdminOperation<
  { node: (AdminBulkOperation & { __typename?: string }) | null },
  { id: string }
> = {
  name: 'IonfluxBulkOperation',
  document: /* GraphQL */ `
    query IonfluxBulkOperation($id: ID!) {
      node(id: $id) { ... on BulkOperation { ${BULK_FIELDS} } }
    }
  `,
  estimateCost: () => 1,
};

/** The app's latest bulk query on the shop: adopted when one of the same query is already running. */
export const currentBulkOperationQuery: AdminOperation<
  { currentBulkOperation: AdminBulkOperation | null },
  Record<string, never>
> = {
  name: 'IonfluxCurrentBulkOperation',
  document: /* GraphQL */ `
    query IonfluxCurrentBulkOperation {
      currentBulkOperation(type: QUERY) { ${BULK_FIELDS} }
    }
  `,
  estimateCost: () => 1,
};
