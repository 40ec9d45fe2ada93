import { IntegrationError } from '@ionflux/kit/errors';
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { toProviderFailure } from './provider-failure.ts';
import { redact } from './redact.ts';

const key = 'sk-test-abcdefghijklmnop1234';
/** A call on the workspace's own key: its raw error is the tenant's and stays. */
const own = (secrets: string[]) => ({ secrets, keySource: 'workspace' as const });

function openaiError(status: number, body: object, headers: Record<string, string> = {}) {
  return APIError.generate(status, body, undefined, new Headers(headers));
}

describe('toProviderFailure', () => {
  it('maps an OpenAI 401 to PROVIDER_API_ERROR, keeping the raw error without the key', () => {
    const error = openaiError(401, {
      error: {
        message: `Incorrect API key provided: ${key}.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    const failure = toProviderFailure('openai', error, own([key]));
    expect(failure).toMatchObject({
      code: 'PROVIDER_API_ERROR',
      providerError: {
        provider: 'openai',
        status: 401,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    expect(JSON.stringify(failure)).not.toContain(key);
    expect(failure.providerError?.raw).toContain('Incorrect API key provided: [redacted]');
  });

  it('maps insufficient_quota to QUOTA_EXCEEDED and another 429 to RATE_LIMITED with Retry-After', () => {
    const quota = openaiError(429, {
      error: { message: 'quota', type: 'insufficient_quota', param: null, code: 'insufficient_quota' },
    });
    expect(toProviderFailure('openai', quota, own([])).code).toBe('QUOTA_EXCEEDED');
    const limited = openaiError(
      429,
      { error: { message: 'slow down', type: 'requests', param: null, code: null } },
      { 'retry-after': '7' },
    );
    expect(toProviderFailure('openai', limited, own([]))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 7,
    });
  });

  it('reads the kit’s give-up errors: RATE_LIMITED keeps its retry-after and the last response body', () => {
    const error = new IntegrationError('RATE_LIMITED', 'openai is rate limiting', {
      details: { retryAfterSeconds: 60 },
      cause: {
        status: 429,
        headers: new Headers(),
        body: { error: { message: 'Rate limit reached', type: 'requests' } },
        text: '{}',
        attempts: 1,
      },
    });
    expect(toProviderFailure('openai', new Error('wrapped', { cause: error }), own([]))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 60,
      providerError: { status: 429, message: 'Rate limit reached' },
    });
  });

  it('maps Gemini’s JSON error message: API_KEY_INVALID is a key problem, QuotaFailure is quota', () => {
    const bad = Object.assign(
      new Error(
        JSON.stringify({
          error: {
            code: 400,
            message: 'API key not valid.',
            status: 'INVALID_ARGUMENT',
            details: [{ reason: 'API_KEY_INVALID' }],
          },
        }),
      ),
      { status: 400 },
    );
    expect(toProviderFailure('gemini', bad, own([]))).toMatchObject({
      code: 'PROVIDER_API_ERROR',
      providerError: { type: 'INVALID_ARGUMENT' },
    });
    const quota = Object.assign(
      new Error(
        JSON.stringify({
          error: {
            code: 429,
            message: 'quota',
            status: 'RESOURCE_EXHAUSTED',
            details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure' }],
          },
        }),
      ),
      { status: 429 },
    );
    expect(toProviderFailure('gemini', quota, own([])).code).toBe('QUOTA_EXCEEDED');
  });

  it.each([
    [400, 'INVALID_REQUEST'],
    [404, 'INVALID_REQUEST'],
    [500, 'PROVIDER_API_ERROR'],
    [503, 'PROVIDER_UNAVAILABLE'],
    [529, 'PROVIDER_UNAVAILABLE'],
  ])('maps status %i to %s', (status, code) => {
    expect(
      toProviderFailure(
        'anthropic',
        openaiError(status, { type: 'error', error: { type: 'x', message: 'm' } }),
        own([]),
      ).code,
    ).toBe(code);
  });

  it('keeps only status, type and code of an error on IONFLUX’s own key: no message, no body', () => {
    const error = openaiError(429, {
      error: {
        message:
          'Rate limit reached for gpt-4o-mini in organization org-IONFLUXabc123 on tokens per min (TPM): Limit 200000, Used 199000.',
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    const failure = toProviderFailure('openai', error, { secrets: [key], keySource: 'central' });
    expect(failure).toMatchObject({
      code: 'RATE_LIMITED',
      providerError: { status: 429, type: 'tokens', code: 'rate_limit_exceeded', message: null, raw: null },
    });
    expect(JSON.stringify(failure)).not.toMatch(/org-IONFLUX|Limit 200000/);
    const rejected = toProviderFailure(
      'openai',
      openaiError(401, { error: { message: 'Incorrect API key for org-IONFLUXabc123', type: 'x' } }),
      { secrets: [], keySource: 'central' },
    );
    expect(rejected.message).toBe('openai rejected the API key');
    expect(JSON.stringify(rejected)).not.toContain('org-IONFLUX');
  });

  it('reports a cancelled call as cancelled whatever the SDK threw', () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      toProviderFailure('openai', new Error('aborted'), { ...own([]), signal: controller.signal }),
    ).toMatchObject({
      cancelled: true,
    });
  });
});

describe('redact', () => {
  it('cuts the call’s key and anything shaped like a provider key', () => {
    expect(redact(`a ${key} b sk-ant-api03-XYZxyz123456 c AIzaSyA1234567890abcdef`, [key])).toBe(
      'a [redacted] b [redacted key] c [redacted key]',
    );
  });
});
