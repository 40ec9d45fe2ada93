import { exampleStoreProvider } from '../providers/example-providers.ts';
import {
  createExampleOAuthProfile,
  EXAMPLE_APP,
  EXAMPLE_STORE_APP,
  exampleOAuthProfile,
} from './example-oauth-profile.ts';
import { type OAuthTestContext, startOAuthTestContext } from './oauth-test-context.ts';
import { type StandardOAuthServer, startStandardOAuthServer } from './standard-oauth-server.ts';

export type ExampleProviderId = 'example' | 'example_store';

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
