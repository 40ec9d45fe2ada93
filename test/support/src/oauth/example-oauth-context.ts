import { exampleProvider, exampleStoreProvider } from '../providers/example-providers.ts';
import { createExampleOAuthProfile } from './example-oauth-profile.ts';
import { type OAuthTestContext, startOAuthTestContext } from './oauth-test-context.ts';
import { type StandardOAuthServer, startStandardOAuthServer } from './standard-oauth-server.ts';

/** The app registered at the `example` provider's server. */
export const EXAMPLE_APP = { clientId: 'ionflux-example-client', clientSecret: 'example-secret-5c1e9a7b3d' };
/** The app registered at the `example_store` provider's server. */
export const EXAMPLE_STORE_APP = {
  clientId: 'ionflux-store-client',
  clientSecret: 'store-secret-2a8f4c6e0b',
};

export type ExampleProviderId = 'example' | 'example_store';

/** The `example` provider's profile: accounts picked on the consent page, PKCE, revocation. */
export function exampleOAuthProfile(origin: string) {
  return createExampleOAuthProfile({ provider: exampleProvider, origin, ...EXAMPLE_APP });
}

export interface ExampleOAuthContext extends OAuthTestContext<ExampleProviderId> {
  /** The server behind `example` (tokens start `ex.`). */
  example: StandardOAuthServer;
  /** The server behind `example_store` (tokens start `st.`). */
  store: StandardOAuthServer;
}

/**
 * The kit's OAuth tests' world: two providers of the two flavours the kit serves, each behind a standard
 * OAuth 2.0 server of its own. `example`: the account picked on the consent page, PKCE, a revocation
 * endpoint, a label from `/userinfo`. `example_store`: the account named up front (a handle), no PKCE, no
 * revocation endpoint (disconnecting deletes the tokens), the handle standing in as the label.
 */
export async function startExampleOAuthContext(): Promise<ExampleOAuthContext> {
  const [example, store] = await Promise.all([
    startStandardOAuthServer({ ...EXAMPLE_APP, tokenPrefix: 'ex.' }),
    startStandardOAuthServer({ ...EXAMPLE_STORE_APP, tokenPrefix: 'st.' }),
  ]);
  const context = await startOAuthTestContext({
    example: { profile: exampleOAuthProfile(example.url), appSecret: EXAMPLE_APP.clientSecret },
    example_store: {
      profile: createExampleOAuthProfile({
        provider: exampleStoreProvider,
        origin: store.url,
        ...EXAMPLE_STORE_APP,
        pkce: false,
        accountHint: true,
        revoke: false,
      }),
      appSecret: EXAMPLE_STORE_APP.clientSecret,
    },
  });
  return {
    ...context,
    example,
    store,
    async close() {
      await context.close();
      await Promise.all([example.close(), store.close()]);
    },
  };
}
