import { IntegrationError } from '@ionflux/kit/errors';
import { TIKTOK_CALL_TIMEOUT_MS } from '../api/call-tiktok.ts';

/** Renew the app's client token this long before TikTok says it expires. @default 60 s */
const RENEW_MARGIN_MS = 60_000;

/** The app's client access token (`grant_type=client_credentials`), which the Research API takes. */
export interface ClientTokenSource {
  /** A live token: the cached one, or a new one (one token request at a time per process). */
  token(): Promise<string>;
  /** Forgets `token` after TikTok refused it, so the next `token()` asks for a new one. */
  invalidate(token: string): void;
}

/**
 * Client tokens from `POST /v2/oauth/token/` (reference/tiktok.md: `expires_in` 7200 s), cached in
 * memory: the token is the app's, the same for every workspace, and never stored. An app TikTok has
 * not approved for research (`unauthorized_client`) is FORBIDDEN with what the operator must do.
 */
export function createClientTokenSource(input: {
  apiOrigin: string;
  clientKey: string;
  clientSecret: string;
  /** @default () => Date.now() */
  now?: () => number;
}): ClientTokenSource {
  const now = input.now ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function request(): Promise<string> {
    let answer: Response;
    try {
      answer = await fetch(new URL('/v2/oauth/token/', input.apiOrigin), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_key: input.clientKey,
          client_secret: input.clientSecret,
          grant_type: 'client_credentials',
        }),
        signal: AbortSignal.timeout(TIKTOK_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new IntegrationError('PROVIDER_UNAVAILABLE', 'TikTok did not answer: try again shortly.', {
        cause: error,
        details: { provider: 'tiktok' },
      });
    }
    const body = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
    const token = body['access_token'];
    if (answer.ok && typeof token === 'string' && token !== '') {
      const expiresIn = typeof body['expires_in'] === 'number' ? body['expires_in'] : 7200;
      cached = { token, renewAt: now() + Math.max(0, expiresIn * 1000 - RENEW_MARGIN_MS) };
      return token;
    }
    const error = typeof body['error'] === 'string' ? body['error'] : `http_${answer.status}`;
    const details = { provider: 'tiktok', tiktokCode: error };
    if (error === 'unauthorized_client' || error === 'invalid_client') {
      throw new IntegrationError(
        'FORBIDDEN',
        "IONFLUX's TikTok app has no Research API access (TikTok refused its client credentials: " +
          `${error}). The operator must have the app approved for research at developers.tiktok.com.`,
        { details },
      );
    }
    throw new IntegrationError(
      answer.status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_API_ERROR',
      `TikTok did not issue a client token (${error}).`,
      { details },
    );
  }

  return {
    token() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= request().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
