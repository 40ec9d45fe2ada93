import { isIntegrationError } from '@ionflux/kit/errors';
import { isQuotaError } from './quota-error.ts';
import { redact } from './redact.ts';
import type { StoredProvider } from './stored-provider.ts';

/** The LLM error codes of the response envelope. */
export type LlmErrorCode =
  | 'INVALID_REQUEST'
  | 'PROVIDER_API_ERROR'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'PROVIDER_UNAVAILABLE'
  | 'INTERNAL';

/**
 * The provider's own error as kept in the envelope (keys redacted). For a call on IONFLUX's own key only
 * `status`, `type` and `code` are kept: the provider's message and body describe IONFLUX's account
 * (organisation, limits, billing), not the tenant's.
 */
export interface RawProviderError {
  provider: StoredProvider;
  status: number | null;
  type: string | null;
  code: string | null;
  message: string | null;
  raw: string | null;
}

/** Why a call failed: an expected result, not a throw. */
export interface LlmFailure {
  code: LlmErrorCode;
  message: string;
  retryAfterSeconds?: number | undefined;
  providerError?: RawProviderError | undefined;
  /** The caller went away; recorded as `cancelled` in the ledger. */
  cancelled?: boolean;
}

/** A provider's HTTP answer as pulled out of an SDK or kit error. */
interface ErrorResponse {
  status: number | null;
  body: unknown;
  headers: Headers | null;
}

export interface FailureContext {
  /** The key of the call (and any other secret): cut out of every string that is kept. */
  secrets: readonly string[];
  /**
   * Whose key the call used. `central` (IONFLUX's): the provider's own message and body are dropped
   * from the failure, keeping its status, type and code; `workspace`: the tenant's own account, so its
   * raw error stays (keys redacted).
   */
  keySource: 'central' | 'workspace';
  /** The caller's signal: aborted means cancelled. */
  signal?: AbortSignal | undefined;
}

/**
 * Reads whatever an SDK or the kit's HTTP client threw into an {@link LlmFailure}, with the provider's
 * raw error kept as far as {@link FailureContext.keySource} allows.
 */
export function toProviderFailure(
  provider: StoredProvider,
  error: unknown,
  { secrets, keySource, signal }: FailureContext,
): LlmFailure {
  if (signal?.aborted)
    return { code: 'PROVIDER_UNAVAILABLE', message: 'The request was cancelled.', cancelled: true };
  const kit = findIntegrationError(error);
  const response = responseOf(error, kit?.cause);
  const described = response && describeProviderError(provider, response, secrets);
  const providerError =
    described && keySource === 'central' ? { ...described, message: null, raw: null } : described;
  if (kit?.code === 'RATE_LIMITED') {
    const retry = kit.details['retryAfterSeconds'];
    return {
      code: 'RATE_LIMITED',
      message: `${provider} is rate limiting requests; retry later.`,
      retryAfterSeconds: typeof retry === 'number' ? retry : undefined,
      providerError: providerError ?? undefined,
    };
  }
  if (kit?.code === 'PROVIDER_UNAVAILABLE' && kit.details['breaker'] !== undefined) {
    // An open breaker: its message says which (the provider, or this caller's timed-out calls).
    return { code: 'PROVIDER_UNAVAILABLE', message: redact(kit.message, secrets) };
  }
  if (!response || response.status === null) {
    const timedOut = /timed? ?out|did not answer/i.test(messageChain(error));
    return {
      code: 'PROVIDER_UNAVAILABLE',
      message: timedOut
        ? `${provider} did not answer in time.`
        : kit?.code === 'PROVIDER_UNAVAILABLE'
          ? redact(kit.message, secrets)
          : `${provider} could not be reached.`,
    };
  }
  return {
    ...classifyStatus(provider, response, providerError ?? undefined),
    providerError: providerError ?? undefined,
  };
}

function classifyStatus(
  provider: StoredProvider,
  response: ErrorResponse,
  providerError: RawProviderError | undefined,
): Omit<LlmFailure, 'providerError'> {
  const status = response.status ?? 0;
  const said = providerError?.message ? `: ${providerError.message}` : '';
  if (status === 429) {
    if (isQuotaError(response.body)) {
      return { code: 'QUOTA_EXCEEDED', message: `The ${provider} account is out of quota${said}` };
    }
    const waitMs = retryAfterMs(response.headers);
    return {
      code: 'RATE_LIMITED',
      message: `${provider} is rate limiting requests; retry later.`,
      retryAfterSeconds: waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }
  if (status === 401 || status === 403 || isKeyRejected(response.body)) {
    return { code: 'PROVIDER_API_ERROR', message: `${provider} rejected the API key${said}` };
  }
  if (status === 400 || status === 404 || status === 413 || status === 422) {
    return { code: 'INVALID_REQUEST', message: `${provider} refused the request${said}` };
  }
  if (status === 503 || status === 529 || status === 504) {
    return { code: 'PROVIDER_UNAVAILABLE', message: `${provider} is overloaded or unavailable (${status}).` };
  }
  return { code: 'PROVIDER_API_ERROR', message: `${provider} answered ${status}${said}` };
}

function findIntegrationError(error: unknown) {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (isIntegrationError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function responseOf(error: unknown, kitCause: unknown): ErrorResponse | undefined {
  // The kit's give-up errors carry the last response as `cause`.
  if (kitCause && typeof kitCause === 'object' && 'status' in kitCause && 'text' in kitCause) {
    const { status, body, headers } = kitCause as unknown as {
      status: number;
      body: unknown;
      headers: Headers;
    };
    return { status, body, headers };
  }
  if (!error || typeof error !== 'object' || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  if (typeof status !== 'number') return { status: null, body: undefined, headers: null };
  const headers = (error as { headers?: unknown }).headers;
  return { status, body: bodyOf(error), headers: headers instanceof Headers ? headers : null };
}

/** OpenAI's `APIError.error` is the body's `error`; Anthropic's is the whole body; Gemini's is the message. */
function bodyOf(error: object): unknown {
  if ('error' in error && (error as { error: unknown }).error !== undefined) {
    const inner = (error as { error: unknown }).error;
    if (
      inner &&
      typeof inner === 'object' &&
      !('error' in inner) &&
      !('type' in inner && inner.type === 'error')
    ) {
      return { error: inner };
    }
    return inner;
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string') {
    try {
      return JSON.parse(message) as unknown;
    } catch {
      return message;
    }
  }
  return undefined;
}

function describeProviderError(
  provider: StoredProvider,
  response: ErrorResponse,
  secrets: readonly string[],
): RawProviderError {
  const inner = (response.body as { error?: Record<string, unknown> } | undefined)?.error;
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  const message = text(inner?.['message']);
  return {
    provider,
    status: response.status,
    type: text(inner?.['type']) ?? text(inner?.['status']),
    code: text(inner?.['code']),
    message: message === null ? null : redact(message, secrets),
    raw:
      response.body === undefined
        ? null
        : redact(typeof response.body === 'string' ? response.body : JSON.stringify(response.body), secrets),
  };
}

/** Gemini answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID. */
function isKeyRejected(body: unknown): boolean {
  const details = (body as { error?: { details?: unknown } } | undefined)?.error?.details;
  return (
    Array.isArray(details) &&
    details.some((detail) => (detail as { reason?: unknown }).reason === 'API_KEY_INVALID')
  );
}

function retryAfterMs(headers: Headers | null): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const seconds = headers?.get('retry-after');
  if (seconds && /^\d+(\.\d+)?$/.test(seconds)) return Number(seconds) * 1000;
  return undefined;
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    parts.push(
      String((current as { message?: unknown }).message ?? current),
      (current as { name?: string }).name ?? '',
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(' ');
}
