import type { ScriptedServer, TestClient } from '@ionflux/testing/http';
import { createTestClient, rejectionOf, startScriptedServer } from '@ionflux/testing/http';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createProviderHttpMetrics } from './provider-http-metrics.ts';

let server: ScriptedServer | undefined;
let test: TestClient | undefined;

afterEach(async () => {
  await test?.client.close();
  await server?.close();
  test = undefined;
  server = undefined;
});

async function metricValues(test: TestClient, name: string) {
  const metric = await test.registry.getSingleMetric(name)?.get();
  return metric?.values ?? [];
}

describe('ProviderHttpClient logs', () => {
  it('logs each attempt with provider, method, host, path, status, attempt and ms, and no secrets', async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 200, body: { ok: true } }]);
    test = createTestClient();
    const secrets = [
      'Bearer sk-live-abc123',
      'shpat_secret456',
      'gemini-key-789',
      'qs-token-1',
      'qs-key-2',
      'qs-cs-3',
    ];
    await test.client.request({
      method: 'GET',
      url: `${server.url}/v1/orders?access_token=qs-token-1&key=qs-key-2&client_secret=qs-cs-3&page=2`,
      headers: {
        Authorization: 'Bearer sk-live-abc123',
        'X-Shopify-Access-Token': 'shpat_secret456',
        'api-key': 'gemini-key-789',
      },
    });
    // The provider did receive them: the redaction is only in what we write down.
    expect(server.received[0]?.headers['x-shopify-access-token']).toBe('shpat_secret456');
    expect(server.received[0]?.url).toContain('access_token=qs-token-1');

    const text = await test.logText();
    for (const secret of secrets) expect(text).not.toContain(secret);
    const lines = await test.logLines();
    expect(lines).toHaveLength(2);
    const path = '/v1/orders?access_token=[redacted]&key=[redacted]&client_secret=[redacted]&page=2';
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'provider request',
      provider: 'testprov',
      method: 'GET',
      host: `127.0.0.1:${server.port}`,
      path,
      status: 503,
      attempt: 1,
      outcome: 'retried',
      reason: 'server_error',
    });
    expect(lines[1]).toMatchObject({ level: 30, path, status: 200, attempt: 2, outcome: 'success' });
    expect(typeof lines[1]?.['ms']).toBe('number');
  });
});

describe('ProviderHttpClient metrics', () => {
  it('counts attempts by status class and outcome, retries by reason, and observes latency', async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 200 }, { status: 404 }, { status: 429 }]);
    test = createTestClient({ maxAttempts: 2 });
    await test.client.request({ method: 'GET', url: server.url });
    await test.client.request({ method: 'GET', url: server.url });
    await rejectionOf(test.client.request({ method: 'GET', url: server.url }));

    const requests = await metricValues(test, 'ionflux_provider_requests_total');
    const count = (statusClass: string, outcome: string) =>
      requests.find((v) => v.labels['status_class'] === statusClass && v.labels['outcome'] === outcome)
        ?.value;
    expect(count('5xx', 'retried')).toBe(1);
    expect(count('2xx', 'success')).toBe(1);
    expect(count('4xx', 'returned_error')).toBe(1);
    expect(count('4xx', 'retried')).toBe(1);
    expect(count('4xx', 'failed')).toBe(1);
    expect(requests.every((v) => v.labels['provider'] === 'testprov')).toBe(true);

    const retries = await metricValues(test, 'ionflux_provider_retries_total');
    expect(retries.map((v) => [v.labels['reason'], v.value])).toEqual(
      expect.arrayContaining([
        ['server_error', 1],
        ['rate_limited', 1],
      ]),
    );

    const exposition = await test.registry.getSingleMetricAsString(
      'ionflux_provider_request_duration_seconds',
    );
    expect(exposition).toContain('ionflux_provider_request_duration_seconds_count{provider="testprov"} 5');

    const breaker = await metricValues(test, 'ionflux_provider_breaker_state');
    expect(breaker).toEqual([
      { labels: { provider: 'testprov', host: `127.0.0.1:${server.port}` }, value: 0 },
    ]);
  });

  it('lets clients of several providers share one registry', () => {
    const registry = new Registry();
    const first = createProviderHttpMetrics(registry);
    const second = createProviderHttpMetrics(registry);
    expect(second.requests).toBe(first.requests);
  });
});
