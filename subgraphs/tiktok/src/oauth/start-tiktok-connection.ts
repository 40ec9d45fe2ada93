import { IntegrationError } from '@ionflux/kit/errors';
import { startAuthorization } from '@ionflux/kit/oauth';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { tiktokProvider } from '../registration.ts';
import { requireTikTokOAuth } from './tiktok-oauth.ts';

/** What is asked when the caller names no scopes (spec 3.3: start with the least, widen on need). */
export const DEFAULT_TIKTOK_SCOPES = ['user.info.basic'] as const;

/**
 * `startTikTokConnection`: a single-use state (with its PKCE verifier, sealed) bound to the caller and
 * the brand or creator, and as `authorizationUrl` the link to our start route.
 */
export const startTikTokConnection: NonNullable<MutationResolvers['startTikTokConnection']> = async (
  _parent,
  { brandId, creatorId, scopes },
  { oauth, identity },
) => {
  const { deps, redirectUri, startUrl, returnUrl } = requireTikTokOAuth(oauth);
  if ((brandId ? 1 : 0) + (creatorId ? 1 : 0) !== 1) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      'Give exactly one of brandId or creatorId: a TikTok connection has one owner.',
    );
  }
  const start = await startAuthorization(deps, {
    provider: tiktokProvider.id,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    owner: brandId ? { type: 'brand', id: brandId } : { type: 'creator', id: creatorId ?? '' },
    scopes: scopes && scopes.length > 0 ? scopes : DEFAULT_TIKTOK_SCOPES,
    redirectUri,
    startUrl,
    returnUrl,
  });
  return { authorizationUrl: start.startUrl, state: start.state, expiresAt: start.expiresAt };
};
