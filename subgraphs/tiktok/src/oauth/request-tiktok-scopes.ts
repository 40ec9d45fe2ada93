import { IntegrationError } from '@ionflux/kit/errors';
import { startAuthorization } from '@ionflux/kit/oauth';
import { listTikTokConnections } from '../connections/index.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { tiktokProvider } from '../registration.ts';
import { requireTikTokOAuth } from './tiktok-oauth.ts';

/**
 * `requestTikTokScopes`: a start link asking for the granted scopes plus these on the same connection
 * (the kit keeps the connection and refuses another account coming back).
 */
export const requestTikTokScopes: NonNullable<MutationResolvers['requestTikTokScopes']> = async (
  _parent,
  { connectionId, scopes },
  { oauth, db, identity },
) => {
  const { deps, redirectUri, startUrl, returnUrl } = requireTikTokOAuth(oauth);
  if (scopes.length === 0)
    throw new IntegrationError('INVALID_REQUEST', 'Name at least one scope to request.');
  const [record] = await listTikTokConnections(db, identity.workspaceId, { connectionId });
  if (!record)
    throw new IntegrationError('NOT_FOUND', 'That TikTok connection does not exist in this workspace.');
  const start = await startAuthorization(deps, {
    provider: tiktokProvider.id,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    connectionId,
    scopes: [...new Set([...record.connection.scopes, ...scopes])],
    redirectUri,
    startUrl,
    returnUrl,
  });
  return { authorizationUrl: start.startUrl, state: start.state, expiresAt: start.expiresAt };
};
