import { markAuthInvalid, type OAuthDeps } from '@ionflux/kit/oauth';

/**
 * What the Admin client calls when Shopify answers 401 to a stored token: the connection becomes
 * NEEDS_REAUTH and the workspace is told once, however many requests saw the 401.
 */
export function onAdminUnauthorized(
  deps: OAuthDeps,
  connectionId: string,
  workspaceId: string,
): Promise<boolean> {
  return markAuthInvalid(deps, connectionId, workspaceId, 'Shopify refused the access token (401)');
}
