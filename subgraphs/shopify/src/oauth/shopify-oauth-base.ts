import { createCredentialCipher, loadKeyring } from '@ionflux/kit/crypto';
import type { OAuthDeps } from '@ionflux/kit/oauth';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import type { ShopifyWorkerConfig } from '../config.ts';
import { shopifyProvider } from '../registration.ts';
import { createShopifyOAuthProfile } from './shopify-profile.ts';

/** What the OAuth deps hold apart from the per-process pool and bus. */
export type ShopifyOAuthBase = Pick<OAuthDeps, 'cipher' | 'profiles'> & {
  /** `SHOPIFY_API_SECRET`: signs the OAuth callback query and webhook bodies. */
  apiSecret: string;
};

/**
 * Reads the app credentials and the master key through the secrets provider, once at start. Without
 * them the subgraph still serves reads of what is stored, but connecting answers INTERNAL naming the fix.
 */
export async function loadShopifyOAuthBase(
  config: ShopifyWorkerConfig,
): Promise<ShopifyOAuthBase | undefined> {
  // The env provider reads the validated config, which holds the same keys as the process env.
  const secrets = createSecretsProvider(config, {
    SHOPIFY_API_KEY: config.SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: config.SHOPIFY_API_SECRET,
    IONFLUX_MASTER_KEY: config.IONFLUX_MASTER_KEY,
    IONFLUX_MASTER_KEYS_PREVIOUS: config.IONFLUX_MASTER_KEYS_PREVIOUS,
  });
  const [apiKey, apiSecret, masterKey] = await Promise.all([
    secrets.get('SHOPIFY_API_KEY'),
    secrets.get('SHOPIFY_API_SECRET'),
    secrets.get('IONFLUX_MASTER_KEY'),
  ]);
  if (!apiKey || !apiSecret || !masterKey) return undefined;
  return {
    apiSecret,
    cipher: createCredentialCipher(await loadKeyring(secrets)),
    profiles: {
      [shopifyProvider.id]: createShopifyOAuthProfile({
        apiKey,
        apiSecret,
        adminOriginTemplate: config.SHOPIFY_ADMIN_ORIGIN,
      }),
    },
  };
}
