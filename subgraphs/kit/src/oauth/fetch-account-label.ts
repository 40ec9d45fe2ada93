import type { OAuthDeps } from './oauth-deps.ts';
import type { OAuthProviderProfile } from './provider-profile.ts';

/**
 * Asks the provider for a human name of the account just authorized, where the profile knows how.
 * Best effort: a failure leaves the label unset (the account id stands in), it never fails the connect.
 */
export async function fetchAccountLabel(
  deps: OAuthDeps,
  profile: OAuthProviderProfile,
  accessToken: string,
): Promise<string | undefined> {
  if (!profile.accountLabelRequest || !profile.parseAccountLabel) return undefined;
  const request = profile.accountLabelRequest(accessToken);
  try {
    const response = await (deps.fetch ?? globalThis.fetch)(request.url, {
      headers: request.headers,
      redirect: 'error',
      signal: AbortSignal.timeout(deps.tokenTimeoutMs ?? 15_000),
    });
    if (!response.ok) {
      deps.logger?.warn(
        { provider: profile.provider.id, status: response.status },
        'oauth account label lookup failed',
      );
      return undefined;
    }
    return profile.parseAccountLabel(await response.json());
  } catch (error) {
    deps.logger?.warn(
      { provider: profile.provider.id, error: error instanceof Error ? error.name : 'Error' },
      'oauth account label lookup failed',
    );
    return undefined;
  }
}
