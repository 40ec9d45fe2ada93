/**
 * The form of a provider id: what `kit.integration_connections.provider` (and the other kit tables'
 * `provider` columns) accept, checked there by a constraint. Lower case, so that upper-casing it gives
 * the provider's value of the GraphQL enum `IntegrationProvider`.
 */
export const PROVIDER_ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * An outside platform a subgraph connects workspaces to, as the subgraph registers it: its id and what
 * the kit needs to speak of it to people. The kit names no provider itself; a subgraph defines its own
 * (`defineIntegrationProvider`) and passes it wherever the kit needs it (its OAuth profile, the
 * notifications it sends).
 */
export interface IntegrationProvider {
  /** Stored in the kit's tables and the connection's OAuth routes (`/oauth/{id}/…`). */
  readonly id: string;
  /** The platform's name for people, as in "Requests to {displayName} are failing". */
  readonly displayName: string;
  /** What one connected account is called, as in "Reconnect your {displayName} {accountNoun}". */
  readonly accountNoun: string;
  /**
   * Whether the account id reads as a name (a store's domain) and stands in as the connection's display
   * name when the provider gives no other; an opaque id is never shown. @default false
   */
  readonly accountIdIsName?: boolean;
}

/** Checks a provider's registration once, when its subgraph's module loads; throws on a malformed id. */
export function defineIntegrationProvider(provider: IntegrationProvider): IntegrationProvider {
  if (!PROVIDER_ID_PATTERN.test(provider.id)) {
    throw new Error(`provider id ${JSON.stringify(provider.id)} must match ${PROVIDER_ID_PATTERN}`);
  }
  if (provider.displayName.trim() === '' || provider.accountNoun.trim() === '') {
    throw new Error(`provider ${provider.id} needs a display name and an account noun`);
  }
  return Object.freeze({ ...provider });
}

/**
 * The provider's value of the GraphQL enum `IntegrationProvider` (schema/connections.graphql): its id
 * upper-cased. Every subgraph serving the shared connection fields lists every provider there, so a row
 * of any provider reads back, whichever subgraph answers.
 */
export function graphqlProviderValue(providerId: string): string {
  return providerId.toUpperCase();
}

/** The stored provider id a GraphQL `IntegrationProvider` value names. */
export function providerIdOf(graphqlValue: string): string {
  return graphqlValue.toLowerCase();
}
