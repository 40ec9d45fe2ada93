export type { IntegrationProvider } from './integration-provider.ts';
export {
  defineIntegrationProvider,
  graphqlProviderValue,
  PROVIDER_ID_PATTERN,
  providerIdOf,
} from './integration-provider.ts';
export type { IntegrationRegistration } from './integration-registration.ts';
export type {
  ConnectionFilter,
  ConnectionOwnerType,
  ConnectionProvider,
  ConnectionStatus,
} from './list-connections.ts';
export { connectionsNewestFirst, connectionsWhere, listConnections } from './list-connections.ts';
export type { IntegrationConnectionsArgs } from './resolve-integration-connections.ts';
export { resolveIntegrationConnections } from './resolve-integration-connections.ts';
export type { IntegrationConnectionView } from './to-integration-connection.ts';
export { toIntegrationConnection } from './to-integration-connection.ts';
