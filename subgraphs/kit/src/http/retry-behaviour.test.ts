import type { ScriptedServer, ScriptStep, TestClient } from '@ionflux/testing/http';
import { createTestClient, rejectionOf, startScriptedServer } from '@ionflux/testing/http';
import { afterEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import type { ResponseHead, RetryDecision } from './retry-decision.ts';
import { classifyByStatus } from './retry-decision.ts';

let server: ScriptedServer | undefined;
let test: TestClient | undefined;

async function setUp(script: ScriptStep[], overrides: Parameters<typeof createTestClient>[0] = {}) {
  server = await startScriptedServer(script);
  test = createTestClient(overrides);
  return { server, ...test };
}

afterEach(async () => {
  await test?.client.close();
  await server?.close();
  server = undefined;
  test = undefined;
});

describe('ProviderHttpClient retries', () => {
  it('retries a 503 and returns the success that follows, after a jittered backoff', async () => {
    const { server, client, sleeps } = await setUp([{ status: 503 }, { status: 200, body: { ok: true } }], {
      baseDelayMs: 100,
    });
    const response = await client.request({ method: 'GET', url: `${server.url}/v1/things` });
    expect(response).toMatchObject({ status: 200, body: { ok: true }, attempts: 2 });
    expect(server.received).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(sleeps[0]).toBeLessThan(100);
  });

  it('doubles the backoff ceiling each retry up to maxDelayMs, drawing each wait below it', async () => {
    const { server, client, sleeps } = await setUp([{ status: 500 }], { baseDelayMs: 100, maxDelayMs: 250 });
    await rejectionOf(client.request({ method: 'GET', url: server.url }));
    expect(server.received).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    const ceilings = [100, 200, 250];
    sleeps.forEach((ms, index) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(ceilings[index] ?? 0);
    });
  });

  it('waits the Retry-After seconds a 429 asks for', async () => {
    const { server, client, sleeps } = await setUp([
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 200, body: {} },
    ]);
    await client.request({ method: 'GET', url: server.url });
    expect(sleeps).toEqual([2000]);
  });

  it('waits until the Retry-After HTTP-date', async () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const { server, client, sleeps } = await setUp(
      [{ status: 503, headers: { 'retry-after': 'Wed, 25 Nov 2026 10:00:03 GMT' } }, { status: 200 }],
      { now: () => now },
    );
    await client.request({ method: 'GET', url: server.url });
    expect(sleeps).toEqual([3000]);
  });

  it('ends with RATE_LIMITED and the retry-after when 429s outlast the attempts', async () => {
    const { server, client } = await setUp([{ status: 429, headers: { 'retry-after': '3' } }], {
      maxAttempts: 3,
    });
    const error = await rejectionOf(client.request({ method: 'GET', url: server.url }));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 3 } });
    expect(server.received).toHaveLength(3);
  });

  it('gives up at once when Retry-After is longer than it is worth waiting', async () => {
    const { server, client, sleeps } = await setUp([{ status: 429, headers: { 'retry-after': '120' } }], {
      maxRetryAfterMs: 10_000,
    });
    const error = await rejectionOf(client.request({ method: 'GET', url: server.url }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 120 } });
    expect(server.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('ends with PROVIDER_UNAVAILABLE when every attempt gets a 5xx, keeping the last response as cause', async () => {
    const { server, client } = await setUp([{ status: 502, body: { error: 'bad gateway' } }]);
    const error = await rejectionOf(client.request({ method: 'GET', url: server.url }));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: { status: 502 } });
    expect((error as IntegrationError).cause).toMatchObject({ status: 502, body: { error: 'bad gateway' } });
    expect(server.received).toHaveLength(4);
  });

  it.each([400, 401, 403, 404, 422, 501])('returns a %i to the caller without retrying', async (status) => {
    const { server, client, sleeps } = await setUp([{ status, body: { error: { message: 'nope' } } }]);
    const response = await client.request({ method: 'GET', url: server.url });
    expect(response).toMatchObject({ status, attempts: 1, body: { error: { message: 'nope' } } });
    expect(server.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a connection the server resets', async () => {
    const { server, client, logLines } = await setUp([{ destroy: true }, { status: 200, body: { ok: 1 } }]);
    const response = await client.request({ method: 'GET', url: server.url });
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    const [first] = await logLines();
    expect(first).toMatchObject({ outcome: 'retried', reason: 'connection_error', statusClass: 'network' });
    expect(first?.['errorCode']).toMatch(/ECONNRESET|UND_ERR/);
  });

  it('retries a refused connection, and ends PROVIDER_UNAVAILABLE when nobody ever listens', async () => {
    const closed = await startScriptedServer([{ status: 200 }]);
    const url = closed.url;
    await closed.close();
    test = createTestClient({ maxAttempts: 2 });
    const error = await rejectionOf(test.client.request({ method: 'POST', url, body: '{}' }));
    expect(error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'testprov could not be reached (2 attempts).',
    });
    expect(test.sleeps).toHaveLength(1);
  });

  it('abandons an attempt that outlives the per-attempt timeout and tries again', async () => {
    const { server, client } = await setUp(
      [
        { status: 200, delayMs: 2_000 },
        { status: 200, body: 'fast' },
      ],
      {
        timeoutMs: 100,
      },
    );
    const started = Date.now();
    const response = await client.request({ method: 'GET', url: server.url });
    expect(response).toMatchObject({ status: 200, body: 'fast', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('ends PROVIDER_UNAVAILABLE naming the timeout when every attempt times out', async () => {
    const { server, client } = await setUp([{ status: 200, delayMs: 2_000 }], {
      timeoutMs: 50,
      maxAttempts: 2,
    });
    const error = await rejectionOf(client.request({ method: 'GET', url: server.url }));
    expect(error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'testprov did not answer within 50 ms (2 attempts).',
    });
  });
});

describe('ProviderHttpClient and requests that are not idempotent', () => {
  it('does not repeat a POST after a 503', async () => {
    const { server, client } = await setUp([{ status: 503 }, { status: 200 }]);
    const error = await rejectionOf(client.request({ method: 'POST', url: server.url, body: '{"a":1}' }));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.body).toBe('{"a":1}');
  });

  it('repeats a POST the caller marks idempotent', async () => {
    const { server, client } = await setUp([{ status: 503 }, { status: 200 }]);
    const response = await client.request({ method: 'POST', url: server.url, body: '{}', idempotent: true });
    expect(response.attempts).toBe(2);
  });

  it('repeats a POST refused with 429, since nothing was done', async () => {
    const { server, client } = await setUp([{ status: 429 }, { status: 200 }]);
    const response = await client.request({ method: 'POST', url: server.url, body: '{}' });
    expect(response.attempts).toBe(2);
  });
});

describe('ProviderHttpClient with a provider classifier', () => {
  // How the LLM subgraph plugs OpenAI in: quota exhaustion is final, every other 429 is a rate limit.
  const classifyOpenAi = (response: ResponseHead, body: unknown): RetryDecision => {
    const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
    if (response.status === 429 && (code === 'insufficient_quota' || code === 'credit_balance_exhausted')) {
      return {
        action: 'fail',
        error: new IntegrationError('QUOTA_EXCEEDED', 'The OpenAI account has no quota left.'),
      };
    }
    return classifyByStatus(response);
  };

  it('does not retry an OpenAI 429 insufficient_quota', async () => {
    const quota = {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    };
    const { server, client, sleeps } = await setUp([{ status: 429, body: quota }, { status: 200 }], {
      classify: classifyOpenAi,
    });
    const error = await rejectionOf(client.request({ method: 'POST', url: server.url, idempotent: true }));
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(server.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('returns a 429 marked x-should-retry: false to the caller with the default classifier', async () => {
    const { server, client } = await setUp([{ status: 429, headers: { 'x-should-retry': 'false' } }]);
    const response = await client.request({ method: 'POST', url: server.url, idempotent: true });
    expect(response).toMatchObject({ status: 429, attempts: 1 });
  });

  it('retries a Shopify 200 THROTTLED after the wait its throttle status implies', async () => {
    // How the Shopify subgraph plugs in: wait until the bucket holds the requested cost.
    const classifyShopify = (response: ResponseHead, body: unknown): RetryDecision => {
      const parsed = body as {
        errors?: Array<{ extensions?: { code?: string } }>;
        extensions?: {
          cost?: {
            requestedQueryCost: number;
            throttleStatus: { currentlyAvailable: number; restoreRate: number };
          };
        };
      };
      const cost = parsed?.extensions?.cost;
      if (parsed?.errors?.some((e) => e.extensions?.code === 'THROTTLED') && cost) {
        const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
        return {
          action: 'retry',
          reason: 'throttled',
          delayMs: (missing / cost.throttleStatus.restoreRate) * 1000,
        };
      }
      return classifyByStatus(response);
    };
    const throttled = {
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
      extensions: {
        cost: {
          requestedQueryCost: 70,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 66, restoreRate: 50 },
        },
      },
    };
    const { server, client, sleeps } = await setUp(
      [
        { status: 200, body: throttled },
        { status: 200, body: { data: { shop: { name: 'x' } } } },
      ],
      { classify: classifyShopify },
    );
    const response = await client.request({
      method: 'POST',
      url: `${server.url}/admin/api/2025-04/graphql.json`,
    });
    expect(response).toMatchObject({ body: { data: { shop: { name: 'x' } } }, attempts: 2 });
    expect(sleeps).toEqual([80]);
  });
});
