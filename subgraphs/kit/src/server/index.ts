export type { ReadinessCheck, ServiceAppOptions } from './create-service-app.ts';
export { createServiceApp } from './create-service-app.ts';
export type { SubgraphServerOptions } from './create-subgraph-server.ts';
export { mountSubgraph } from './create-subgraph-server.ts';
export type { DrainHttpServerOptions } from './drain-http-server.ts';
export { drainHttpServer } from './drain-http-server.ts';
export { freePort } from './free-port.ts';
export type { GraphQLHandlerOptions } from './graphql-handler.ts';
export { createGraphQLHandler } from './graphql-handler.ts';
export { internalErrorRequestId } from './internal-error-request-id.ts';
export type { Listening } from './listen.ts';
export { listen } from './listen.ts';
export { pathOf, requestIdOf } from './request-context.ts';
export type { RunningService } from './run-service.ts';
export { runService } from './run-service.ts';
export { sendGraphQLError } from './send-graphql-error.ts';
export { sendRouteError } from './send-route-error.ts';
export type { NodeHandler, ServiceServer } from './service-server.ts';
export { createServiceServer, hasPath } from './service-server.ts';
export type { AdminServer, AdminServerOptions } from './start-admin-server.ts';
export { startAdminServer } from './start-admin-server.ts';
export type {
  RunningSubgraph,
  StartSubgraphOptions,
  SubgraphDefinition,
} from './start-subgraph.ts';
export { startSubgraph } from './start-subgraph.ts';
