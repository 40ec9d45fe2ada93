import { IntegrationError } from '../errors/index.ts';
import type { ConnectionRow } from './connection-row.ts';
import { type OAuthDeps, profileOf } from './oauth-deps.ts';
import { startAuthorization } from './start-authorization.ts';

export interface RequireScopesInput {
  connection: Pick<ConnectionRow, 'id' | 'workspace_id' | 'provider' | 'scopes'>;
  /** What the feature needs. */
  required: readonly string[];
  /**
   * The app's "grant more access" entry point, e.g. `${IONFLUX_PUBLIC_URL}/oauth/tiktok/scopes`. The
   * grant URL is this with `connection_id` and `scope` (the missing ones, comma-separated) added: opening
   * it runs `requestTikTokScopes` / `startAuthorization({ connectionId, scopes })`, which asks the provider
   * for the union of granted and missing scopes. It stays valid however late the user clicks.
   */
  startUrl?: string | undefined;
  /**
   * Instead of `startUrl`: precompute the provider's authorization URL now (a state row for this user,
   * valid 10 minutes). Suits an interactive caller that redirects at once.
   */
  authorize?: { userId: string; redirectUri: string; returnUrl?: string | undefined } | undefined;
}

/**
 * Incremental authorization (spec 4.H): resolves when the connection has every required scope; otherwise
 * throws `SCOPE_REQUIRED` naming the missing scopes with a `grantUrl` that asks the user for them.
 */
export async function requireScopes(deps: OAuthDeps, input: RequireScopesInput): Promise<void> {
  const profile = profileOf(deps, input.connection.provider);
  const has = (scope: string) =>
    profile.hasScope
      ? profile.hasScope(input.connection.scopes, scope)
      : input.connection.scopes.includes(scope);
  const missingScopes = [...new Set(input.required)].filter((scope) => !has(scope));
  if (missingScopes.length === 0) return;
  let grantUrl: string | undefined;
  if (input.authorize) {
    const start = await startAuthorization(deps, {
      provider: input.connection.provider,
      workspaceId: input.connection.workspace_id,
      userId: input.authorize.userId,
      connectionId: input.connection.id,
      scopes: missingScopes,
      redirectUri: input.authorize.redirectUri,
      returnUrl: input.authorize.returnUrl,
    });
    grantUrl = start.authorizationUrl;
  } else if (input.startUrl !== undefined) {
    const url = new URL(input.startUrl);
    url.searchParams.set('connection_id', input.connection.id);
    url.searchParams.set('scope', missingScopes.join(','));
    grantUrl = url.toString();
  }
  const noun = missingScopes.length === 1 ? 'scope' : 'scopes';
  throw new IntegrationError(
    'SCOPE_REQUIRED',
    `This needs the ${missingScopes.join(', ')} ${noun}, which this ${input.connection.provider} connection has not granted. Grant access to continue.`,
    {
      details: {
        missingScopes,
        connectionId: input.connection.id,
        ...(grantUrl === undefined ? {} : { grantUrl }),
      },
    },
  );
}
