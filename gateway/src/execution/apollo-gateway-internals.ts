import type { Schema } from '@apollo/federation-internals';
import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import type { QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';

/** What `ApolloGateway`'s own executor plans and executes with, read from the loaded gateway. */
export interface GatewayInternals {
  /** The API schema as graphql-js (what requests are validated against). */
  schema: GraphQLSchema;
  /** The API schema as federation-internals (what operations are planned against). */
  apiSchema: Schema;
  /** The supergraph as graphql-js (entity representations test type conditions on it). */
  supergraphSchema: GraphQLSchema;
  queryPlanner: QueryPlanner;
  dataSources: Record<string, GraphQLDataSource>;
  planOptions: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean };
}

interface ApolloGatewayFields {
  schema?: GraphQLSchema;
  apiSchema?: Schema;
  supergraphSchema?: GraphQLSchema;
  queryPlanner?: QueryPlanner;
  serviceMap?: Record<string, { dataSource: GraphQLDataSource }>;
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

/**
 * The loaded gateway's planner, schemas and data sources: the very objects its own executor uses (so
 * plans are the same plans), kept private by `@apollo/gateway` (pinned to 2.14.4 for that reason).
 * Undefined before the schema is loaded or should a later version rename them; the caller then runs
 * Apollo's executor.
 */
export function gatewayInternals(gateway: ApolloGateway): GatewayInternals | undefined {
  const fields = gateway as unknown as ApolloGatewayFields;
  const { schema, apiSchema, supergraphSchema, queryPlanner, serviceMap } = fields;
  if (!schema || !apiSchema || !supergraphSchema || !queryPlanner || !serviceMap) return undefined;
  const dataSources: Record<string, GraphQLDataSource> = Object.create(null);
  for (const [name, { dataSource }] of Object.entries(serviceMap)) dataSources[name] = dataSource;
  return {
    schema,
    apiSchema,
    supergraphSchema,
    queryPlanner,
    dataSources,
    planOptions: {
      recursiveSelectionsLimitDisabled: fields.recursiveSelectionsLimitDisabled ?? false,
      nonLocalSelectionsLimitDisabled: fields.nonLocalSelectionsLimitDisabled ?? false,
    },
  };
}
