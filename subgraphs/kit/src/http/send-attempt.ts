import { connectionErrorCode } from './connection-error.ts';
import type { ProviderRequest, ProviderResponse } from './provider-request.ts';
import type { RetryDecision } from './retry-decision.ts';

/** What one attempt came to, before retry policy is applied. */
export type AttemptResult =
  | { kind: 'response'; response: Omit<ProviderResponse, 'attempts'>; decision: RetryDecision }
  | { kind: 'network'; code: string; error: unknown }
  | { kind: 'timeout' };

export interface SendAttemptOptions {
  fetch: typeof fetch;
  /** The keep-alive pool; Node's fetch takes an undici dispatcher beside the standard options. */
  dispatcher: unknown;
  classify: (response: Response, body: unknown) => RetryDecision;
}

/**
 * Sends the request once and reads the whole body under `attemptSignal` (which the per-attempt timeout
 * and the caller's signal both abort). A caller's cancellation is rethrown as is; a timeout or a
 * connection failure becomes a result so the retry loop and the breaker can count it.
 */
export async function sendAttempt(
  request: ProviderRequest,
  attemptSignal: AbortSignal,
  options: SendAttemptOptions,
): Promise<AttemptResult> {
  const init: RequestInit & { dispatcher: unknown } = {
    method: request.method,
    signal: attemptSignal,
    // Never follow a redirect: the credentials in our headers would travel to wherever it points.
    redirect: 'manual',
    dispatcher: options.dispatcher,
  };
  if (request.headers !== undefined) init.headers = request.headers;
  if (request.body !== undefined) init.body = request.body as string | Uint8Array<ArrayBuffer>;
  try {
    const response = await options.fetch(request.url, init);
    const text = await response.text();
    const body = parseBody(text, response.headers.get('content-type'));
    return {
      kind: 'response',
      response: { status: response.status, headers: response.headers, body, text },
      decision: options.classify(response, body),
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
