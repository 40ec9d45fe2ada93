import type { ScriptedServer, TestClient } from '@ionflux/testing/http';
import { createTestClient, rejectionOf, startScriptedServer } from '@ionflux/testing/http';
import { afterEach, describe, expect, it } from 'vitest';

let server: ScriptedServer | undefined;
let test: TestClient | undefined;

afterEach(async () => {
  await test?.client.close();
  await server?.close();
  test = undefined;
  server = undefined;
});

async function breakerGauge(test: TestClient, host: string): Promise<number | undefined> {
  const metric = await test.registry.getSingleMetric('ionflux_provider_breaker_state')?.get();
  return metric?.values.find((value) => value.labels['host'] === host)?.value;
}

describe('ProviderHttpClient circuit breaker', () => {
  it('opens after N consecutive failures, fails fast without calling, then lets one call through', async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    test = createTestClient({ maxAttempts: 1, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 150 } });
    const host = `127.0.0.1:${server.port}`;
    for (let call = 0; call < 3; call++) {
      await expect(test.client.request({ method: 'GET', url: server.url })).rejects.toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        details: { status: 503 },
      });
    }
    expect(await breakerGauge(test, host)).toBe(1);

    const started = Date.now();
    const fastFailure = await rejectionOf(test.client.request({ method: 'GET', url: server.url }));
    expect(fastFailure).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', details: { provider: 'testprov' } });
    expect((fastFailure as Error).message).toContain('too many recent failures');
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.received).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await test.client.request({ method: 'GET', url: server.url });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(4);
    expect(await breakerGauge(test, host)).toBe(0);
  });

  it('counts the failed attempts of a retried call, and stops retrying once it opens', async () => {
    server = await startScriptedServer([{ status: 500 }]);
    test = createTestClient({ maxAttempts: 4, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    const error = await rejectionOf(test.client.request({ method: 'GET', url: server.url }));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect((error as Error).message).toContain('too many recent failures');
    expect(server.received).toHaveLength(2);
  });

  it('keeps one breaker per host, so a failing host does not cut off another', async () => {
    server = await startScriptedServer([{ status: 503 }, { status: 200 }]);
    test = createTestClient({ maxAttempts: 1, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 10_000 } });
    await rejectionOf(test.client.request({ method: 'GET', url: server.url }));
    await rejectionOf(test.client.request({ method: 'GET', url: server.url }));
    expect(server.received).toHaveLength(1);
    const other = await test.client.request({ method: 'GET', url: `http://localhost:${server.port}/` });
    expect(other.status).toBe(200);
    expect(await breakerGauge(test, `localhost:${server.port}`)).toBe(0);
  });

  it('does not count 4xx or 429 answers against the host', async () => {
    server = await startScriptedServer([{ status: 404 }, { status: 429 }, { status: 400 }, { status: 200 }]);
    test = createTestClient({ maxAttempts: 1, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 10_000 } });
    await test.client.request({ method: 'GET', url: server.url });
    await rejectionOf(test.client.request({ method: 'GET', url: server.url }));
    await test.client.request({ method: 'GET', url: server.url });
    const response = await test.client.request({ method: 'GET', url: server.url });
    expect(response.status).toBe(200);
  });

  describe('with breaker scopes (tenants calling with their own or a shared credential)', () => {
    const central = (caller: string) => ({ key: 'central', caller, reportState: true });

    it('does not count a caller’s timeouts against the shared credential: another caller goes on', async () => {
      server = await startScriptedServer([
        { status: 200, delayMs: 300 },
        { status: 200, delayMs: 300 },
        { status: 200 },
      ]);
      test = createTestClient({
        maxAttempts: 1,
        timeoutMs: 100,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 },
      });
      for (let call = 0; call < 2; call++) {
        await expect(
          test.client.request({ method: 'GET', url: server.url, breaker: central('workspace:a') }),
        ).rejects.toMatchObject({
          code: 'PROVIDER_UNAVAILABLE',
          message: expect.stringMatching(/did not answer/),
        });
      }
      // The caller whose calls timed out is paused, without reaching the server...
      const paused = await rejectionOf(
        test.client.request({ method: 'GET', url: server.url, breaker: central('workspace:a') }),
      );
      expect((paused as Error).message).toMatch(/calls from this caller are paused/);
      expect(server.received).toHaveLength(2);
      // ...while another caller on the same credential is served.
      const other = await test.client.request({
        method: 'GET',
        url: server.url,
        breaker: central('workspace:b'),
      });
      expect(other.status).toBe(200);
      expect(await breakerGauge(test, `127.0.0.1:${server.port}`)).toBe(0);
    });

    it('opens the shared breaker for every caller on provider failures (5xx, refused connections)', async () => {
      server = await startScriptedServer([{ status: 503 }, { destroy: true }, { status: 200 }]);
      test = createTestClient({
        maxAttempts: 1,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 },
      });
      await rejectionOf(
        test.client.request({ method: 'GET', url: server.url, breaker: central('workspace:a') }),
      );
      await rejectionOf(
        test.client.request({ method: 'GET', url: server.url, breaker: central('workspace:b') }),
      );
      const refused = await rejectionOf(
        test.client.request({ method: 'GET', url: server.url, breaker: central('workspace:c') }),
      );
      expect(refused).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
      expect((refused as Error).message).toMatch(/too many recent failures/);
      expect(server.received).toHaveLength(2);
      expect(await breakerGauge(test, `127.0.0.1:${server.port}`)).toBe(1);
      expect(await test.logText()).toMatch(/"breaker":"shared:central".*circuit breaker opened/);
    });

    it('keeps a tenant’s own credential apart: its failures do not open the shared one', async () => {
      server = await startScriptedServer([{ status: 500 }, { status: 500 }, { status: 200 }]);
      test = createTestClient({
        maxAttempts: 1,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 },
      });
      const own = { key: 'workspace:a', caller: 'workspace:a' };
      await rejectionOf(test.client.request({ method: 'GET', url: server.url, breaker: own }));
      await rejectionOf(test.client.request({ method: 'GET', url: server.url, breaker: own }));
      await expect(
        test.client.request({ method: 'GET', url: server.url, breaker: own }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/too many recent failures/) });
      const shared = await test.client.request({
        method: 'GET',
        url: server.url,
        breaker: central('workspace:a'),
      });
      expect(shared.status).toBe(200);
      expect(server.received).toHaveLength(3);
    });
  });
});
