import { IntegrationError } from '../errors/index.ts';
import type { ConnectionRow } from './connection-row.ts';
import { createGrantTicket, DEFAULT_GRANT_TICKET_TTL_MS } from './grant-ticket.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';
import type { OAuthSigningKey } from './oauth-signing-key.ts';

export interface RequireScopesInput {
  connection: Pick<ConnectionRow, 'id' | 'workspace_id' | 'provider' | 'scopes'>;
  /** What the feature needs. */
  required: readonly string[];
  /**
   * The app's "grant more access" entry point, e.g. `${IONFLUX_PUBLIC_URL}/oauth/{provider}/scopes`. The
   * grant URL is this with `connection_id` and `scope` (the missing ones, comma-separated) added: opening
   * it runs the subgraph's `startAuthorization({ connectionId, scopes })`, which asks the provider
   * for the union of granted and missing scopes. It stays valid however late the user clicks.
   */
  startUrl?: string | undefined;
  /**
   * Instead of `startUrl`: the grant URL is our start route (`${IONFLUX_PUBLIC_URL}/oauth/{provider}/start`)
   * with a signed, expiring ticket naming the workspace, this user, the connection and the missing
   * scopes. Nothing is stored now; the state row is created when a browser opens the URL, which binds
   * that browser (`beginBrowserAuthorization`) and asks the provider for granted ∪ missing scopes.
   */
  grantTicket?:
    | {
        startUrl: string;
        userId: string;
        key: OAuthSigningKey;
        /** How long the URL stays usable. @default 86400000 (24 h) */
        ttlMs?: number | undefined;
      }
    | undefined;
}

/**
 * Incremental authorization (spec 4.H): resolves when the connection has every required scope; otherwise
 * throws `SCOPE_REQUIRED` naming the missing scopes with a `grantUrl` that asks the user for them.
 */
export async function requireScopes(
  deps: Pick<OAuthDeps, 'profiles' | 'now'>,
  input: RequireScopesInput,
): Promise<void> {
  const profile = profileOf(deps, input.connection.provider);
  const has = (scope: string) =>
    profile.hasScope
      ? profile.hasScope(input.connection.scopes, scope)
      : input.connection.scopes.includes(scope);
  const missingScopes = [...new Set(input.required)].filter((scope) => !has(scope));
  if (missingScopes.length === 0) return;
  let grantUrl: string | undefined;
  if (input.grantTicket) {
    const { startUrl, userId, key, ttlMs } = input.grantTicket;
    if (key.provider !== input.connection.provider) throw new Error('grant ticket key of another provider');
    const url = new URL(startUrl);
    url.search = '';
    url.searchParams.set(
      'ticket',
      createGrantTicket(key, {
        workspaceId: input.connection.workspace_id,
        userId,
        connectionId: input.connection.id,
        scopes: missingScopes,
        expiresAt: new Date(nowOf(deps).getTime() + (ttlMs ?? DEFAULT_GRANT_TICKET_TTL_MS)),
      }),
    );
    grantUrl = url.toString();
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
