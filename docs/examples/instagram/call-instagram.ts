import { IntegrationError } from '@ionflux/kit/errors';
import { getAccessToken, markAuthInvalid } from '@ionflux/kit/oauth';
import { type InstagramErrorBody, toInstagramError } from './instagram-error.ts';
import type { InstagramOAuth } from './instagram-oauth.ts';

/** @default 15000 ms: a call that takes longer is PROVIDER_UNAVAILABLE. */
export const INSTAGRAM_CALL_TIMEOUT_MS = 15_000;

/** Waited after a 429 without `Retry-After`. @default 60 */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * GETs `path` at the provider with a connection's access token and returns the JSON body. The kit hands
 * out the token (refreshed single-flight when near expiry; INTEGRATION_NOT_CONNECTED or
 * INTEGRATION_AUTH_INVALID when it cannot). A 401 moves the connection to NEEDS_REAUTH (the workspace is
 * notified); every error answer is mapped to the unified codes (`toInstagramError`).
 */
export async function callInstagram<T>(
  oauth: InstagramOAuth,
  connection: { id: string; workspaceId: string },
  path: string,
): Promise<T> {
  const token = await getAccessToken(oauth.deps, connection.id, connection.workspaceId);
  let answer: Response;
  try {
    answer = await fetch(new URL(path, oauth.apiOrigin), {
      headers: { authorization: `Bearer ${token.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(INSTAGRAM_CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new IntegrationError('PROVIDER_UNAVAILABLE', 'Instagram did not answer: try again shortly.', {
      cause: error,
      details: { provider: 'instagram' },
    });
  }
  const body = (await answer.json().catch(() => undefined)) as unknown;
  if (answer.ok) return body as T;
  if (answer.status === 401) {
    await markAuthInvalid(
      oauth.deps,
      connection.id,
      connection.workspaceId,
      'Instagram refused the access token',
    );
  }
  const retryAfter = Number(answer.headers.get('retry-after'));
  throw toInstagramError(
    answer.status,
    body as InstagramErrorBody | undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
  );
}
