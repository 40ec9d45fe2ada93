import { createCredentialCipher, loadKeyring } from '@ionflux/kit/crypto';
import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Logger } from '@ionflux/kit/logging';
import { deriveOAuthSigningKey, type OAuthDeps, type OAuthSigningKey } from '@ionflux/kit/oauth';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import type { InstagramConfig } from './config.ts';
import { createInstagramOAuthProfile } from './oauth-profile.ts';
import { instagramProvider } from './registration.ts';

/** The Instagram OAuth handles of the process: the kit's deps and where the browser is sent. */
export interface InstagramOAuth {
  deps: OAuthDeps;
  /** `${IONFLUX_PUBLIC_URL}/oauth/instagram/callback`. */
  redirectUri: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/instagram/start`: what `startInstagramConnection` links to. */
  startUrl: string;
  /** Signs browser-binding cookies and grant tickets: HKDF of `INSTAGRAM_APP_SECRET`. */
  signingKey: OAuthSigningKey;
  /** The binding cookie: path `/oauth/instagram`, `Secure` when the public URL is https. */
  cookie: { path: string; secure: boolean };
  /** `INSTAGRAM_OAUTH_ORIGIN`: where the API calls go too (`/userinfo`). */
  apiOrigin: string;
  /** Verifies `X-Hub-Signature-256` on webhook deliveries. */
  appSecret: string;
}

/**
 * Reads the app credentials and the master key through the secrets provider once at start and binds
 * them to the process's pool and bus. Undefined when one is missing: connecting is then disabled.
 */
export async function loadInstagramOAuth(
  config: InstagramConfig,
  handles: { sql: Sql; bus: EventBus; logger: Logger },
): Promise<InstagramOAuth | undefined> {
  const secrets = createSecretsProvider(config, {
    INSTAGRAM_APP_ID: config.INSTAGRAM_APP_ID,
    INSTAGRAM_APP_SECRET: config.INSTAGRAM_APP_SECRET,
    IONFLUX_MASTER_KEY: config.IONFLUX_MASTER_KEY,
    IONFLUX_MASTER_KEYS_PREVIOUS: config.IONFLUX_MASTER_KEYS_PREVIOUS,
  });
  const [appId, appSecret, masterKey] = await Promise.all([
    secrets.get('INSTAGRAM_APP_ID'),
    secrets.get('INSTAGRAM_APP_SECRET'),
    secrets.get('IONFLUX_MASTER_KEY'),
  ]);
  if (!appId || !appSecret || !masterKey) return undefined;
  const publicUrl = new URL(config.IONFLUX_PUBLIC_URL);
  const id = instagramProvider.id;
  return {
    deps: {
      sql: handles.sql,
      bus: handles.bus,
      logger: handles.logger,
      cipher: createCredentialCipher(await loadKeyring(secrets)),
      profiles: {
        [id]: createInstagramOAuthProfile({ appId, appSecret, origin: config.INSTAGRAM_OAUTH_ORIGIN }),
      },
    },
    redirectUri: new URL(`/oauth/${id}/callback`, publicUrl).toString(),
    startUrl: new URL(`/oauth/${id}/start`, publicUrl).toString(),
    signingKey: deriveOAuthSigningKey(id, appSecret),
    cookie: { path: `/oauth/${id}`, secure: publicUrl.protocol === 'https:' },
    apiOrigin: config.INSTAGRAM_OAUTH_ORIGIN,
    appSecret,
  };
}
