import { createCredentialCipher, loadKeyring } from '@ionflux/kit/crypto';
import type { Sql } from '@ionflux/kit/db';
import { IntegrationError } from '@ionflux/kit/errors';
import type { EventBus } from '@ionflux/kit/events';
import type { ConnectionHealth } from '@ionflux/kit/health';
import type { Logger } from '@ionflux/kit/logging';
import { deriveOAuthSigningKey, type OAuthDeps, type OAuthSigningKey } from '@ionflux/kit/oauth';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import type { TikTokConfig } from '../config.ts';
import { tiktokProvider } from '../registration.ts';
import { type ClientTokenSource, createClientTokenSource } from '../research/client-token.ts';
import { createTikTokOAuthProfile } from './tiktok-profile.ts';

/** The TikTok OAuth handles of the process: the kit's deps and where the browser is sent. */
export interface TikTokOAuth {
  deps: OAuthDeps;
  /** `${IONFLUX_PUBLIC_URL}/oauth/tiktok/callback`. */
  redirectUri: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/tiktok/start`: what `startTikTokConnection` links to. */
  startUrl: string;
  /** Signs browser-binding cookies and grant tickets: HKDF of `TIKTOK_CLIENT_SECRET`. */
  signingKey: OAuthSigningKey;
  /** The binding cookie: path `/oauth/tiktok`, `Secure` when the public URL is https. */
  cookie: { path: string; secure: boolean };
  /** `TIKTOK_OAUTH_RETURN_URL`, when set. */
  returnUrl: string | undefined;
  /** The app's client token for the Research API (not a user's: no connection needed). */
  clientToken: ClientTokenSource;
}

/**
 * Reads the app credentials and the master key through the secrets provider once at start and binds
 * them to the process's pool and bus. Without them the subgraph still lists what is stored, but
 * connecting answers INTERNAL naming the fix (`requireTikTokOAuth`). `health`, when given, is told of
 * every token refresh (by the kit) and every API call (`callTikTok`) made through a connection.
 */
export async function loadTikTokOAuth(
  config: TikTokConfig,
  handles: { sql: Sql; bus: EventBus; logger: Logger; health?: Pick<ConnectionHealth, 'record'> },
): Promise<TikTokOAuth | undefined> {
  const secrets = createSecretsProvider(config, {
    TIKTOK_CLIENT_KEY: config.TIKTOK_CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: config.TIKTOK_CLIENT_SECRET,
    IONFLUX_MASTER_KEY: config.IONFLUX_MASTER_KEY,
    IONFLUX_MASTER_KEYS_PREVIOUS: config.IONFLUX_MASTER_KEYS_PREVIOUS,
  });
  const [clientKey, clientSecret, masterKey] = await Promise.all([
    secrets.get('TIKTOK_CLIENT_KEY'),
    secrets.get('TIKTOK_CLIENT_SECRET'),
    secrets.get('IONFLUX_MASTER_KEY'),
  ]);
  if (!clientKey || !clientSecret || !masterKey) return undefined;
  const publicUrl = new URL(config.IONFLUX_PUBLIC_URL);
  const id = tiktokProvider.id;
  return {
    deps: {
      sql: handles.sql,
      bus: handles.bus,
      logger: handles.logger,
      cipher: createCredentialCipher(await loadKeyring(secrets)),
      ...(handles.health ? { health: handles.health } : {}),
      profiles: {
        [id]: createTikTokOAuthProfile({
          clientKey,
          clientSecret,
          authOrigin: config.TIKTOK_AUTH_ORIGIN,
          apiOrigin: config.TIKTOK_API_ORIGIN,
        }),
      },
    },
    redirectUri: new URL(`/oauth/${id}/callback`, publicUrl).toString(),
    startUrl: new URL(`/oauth/${id}/start`, publicUrl).toString(),
    signingKey: deriveOAuthSigningKey(id, clientSecret),
    cookie: { path: `/oauth/${id}`, secure: publicUrl.protocol === 'https:' },
    returnUrl: config.TIKTOK_OAUTH_RETURN_URL,
    clientToken: createClientTokenSource({ apiOrigin: config.TIKTOK_API_ORIGIN, clientKey, clientSecret }),
  };
}

/** The OAuth handles, or INTERNAL naming the missing configuration. */
export function requireTikTokOAuth(oauth: TikTokOAuth | undefined): TikTokOAuth {
  if (!oauth) {
    throw new IntegrationError(
      'INTERNAL',
      'TikTok is not configured: set TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return oauth;
}
