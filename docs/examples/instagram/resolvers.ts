import { listConnections } from '@ionflux/kit/connections';
import { IntegrationError } from '@ionflux/kit/errors';
import { startAuthorization } from '@ionflux/kit/oauth';
import { callInstagram } from './call-instagram.ts';
import type { Resolvers } from './generated/resolvers-types.ts';
import type { InstagramOAuth } from './instagram-oauth.ts';
import { instagramProvider } from './registration.ts';

/** What is asked when the caller names no scopes: the least that reads the profile. */
export const DEFAULT_INSTAGRAM_SCOPES = ['profile'] as const;

/** The OAuth handles, or INTERNAL naming the missing configuration. */
function requireOAuth(oauth: InstagramOAuth | undefined): InstagramOAuth {
  if (!oauth) {
    throw new IntegrationError(
      'INTERNAL',
      'Instagram is not configured: set INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return oauth;
}

/** The provider's `/userinfo` answer (OpenID Connect standard claims). */
interface UserInfo {
  sub: string;
  preferred_username: string;
  name?: string;
}

/** Every read and write is scoped to the caller's workspace (`identity.workspaceId`), never to input. */
export const resolvers: Resolvers = {
  Query: {
    instagramConnections: async (_parent, _args, { db, identity }) => {
      const rows = await listConnections(db, identity.workspaceId, { provider: instagramProvider.id });
      return rows.map((row) => ({
        id: row.id,
        brandId: row.ownerId,
        accountId: row.accountId,
        displayName: row.displayName,
        status: row.status,
        scopes: row.scopes,
      }));
    },
    instagramProfile: async (_parent, { connectionId }, { oauth, identity }) => {
      const user = await callInstagram<UserInfo>(
        requireOAuth(oauth),
        { id: connectionId, workspaceId: identity.workspaceId },
        '/userinfo',
      );
      return { id: user.sub, username: user.preferred_username, name: user.name ?? null };
    },
  },
  Mutation: {
    startInstagramConnection: async (_parent, { brandId, scopes }, { oauth, identity }) => {
      const { deps, redirectUri, startUrl } = requireOAuth(oauth);
      const start = await startAuthorization(deps, {
        provider: instagramProvider.id,
        workspaceId: identity.workspaceId,
        userId: identity.userId,
        owner: { type: 'brand', id: brandId },
        scopes: scopes && scopes.length > 0 ? scopes : DEFAULT_INSTAGRAM_SCOPES,
        redirectUri,
        startUrl,
      });
      return {
        authorizationUrl: start.startUrl,
        state: start.state,
        expiresAt: start.expiresAt.toISOString(),
      };
    },
  },
};
