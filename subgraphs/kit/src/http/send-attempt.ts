import type { Dispatcher } from 'undici';
import { connectionErrorCode } from './connection-error.ts';
import { headersFromRaw } from './headers-from-raw.ts';
import type { ProviderRequest, ProviderResponse } from './provider-request.ts';
import type { ResponseHead, RetryDecision } from './retry-decision.ts';

/** What one attempt came to, before retry policy is applied. */
export type AttemptResult =
  | { kind: 'response'; response: Omit<ProviderResponse, 'attempts'>; decision: RetryDecision }
  | { kind: 'network'; code: string; error: unknown }
  | { kind: 'timeout' };

export interface SendAttemptOptions {
  /** The keep-alive pool the request goes through. */
  dispatcher: Dispatcher;
  classify: (response: ResponseHead, body: unknown) => RetryDecision;
}

/**
 * Sends the request once and reads the whole body under `attemptSignal` (which the per-attempt timeout
 * and the caller's signal both abort). A caller's cancellation is rethrown as is; a timeout or a
 * connection failure becomes a result so the retry loop and the breaker can count it.
 *
 * undici's `request` rather than `fetch`: the body is read whole anyway, and fetch's Request, Response
 * and web streams measured at about a tenth of a millisecond per call. It never follows a redirect, so
 * the credentials in our headers go nowhere else.
 */
export async function sendAttempt(
  request: ProviderRequest,
  attemptSignal: AbortSignal,
  options: SendAttemptOptions,
): Promise<AttemptResult> {
  try {
    const url = new URL(request.url);
    const answer = await options.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers ?? {},
      body: request.body ?? null,
      signal: attemptSignal,
    });
    const text = await answer.body.text();
    const headers = headersFromRaw(answer.headers);
    const body = parseBody(text, headers.get('content-type'));
    return {
      kind: 'response',
      response: { status: answer.statusCode, headers, body, text },
      decision: options.classify({ status: answer.statusCode, headers }, body),
    };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (attemptSignal.aborted) return { kind: 'timeout' };
    const code = connectionErrorCode(error);
    if (code !== undefined) return { kind: 'network', code, error };
    throw error;
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType === null || !/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
