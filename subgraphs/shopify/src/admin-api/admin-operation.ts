/**
 * One Admin GraphQL operation the subgraph sends. `estimateCost` is an upper bound of Shopify's
 * `requestedQueryCost` for the variables: the bucket takes it before sending, and the operations test
 * checks it against the simulator's cost rules (and that it stays under {@link MAX_QUERY_COST}).
 */
export interface AdminOperation<TData, TVariables extends Record<string, unknown>> {
  name: string;
  document: string;
  estimateCost(variables: TVariables): number;
  /** Mutations are not retried after server errors (they may have happened). */
  mutation?: boolean;
  /** Type carrier only. */
  readonly __data?: TData;
}

/** Shopify's cost of a connection field: 2 plus `first` nodes of `perNode` each. */
export function connectionCost(first: number, perNode: number): number {
  return 2 + first * perNode;
}
