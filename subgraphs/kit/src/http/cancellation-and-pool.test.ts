import type { ScriptedServer, TestClient } from '@ionflux/testing/http';
import { createTestClient, rejectionOf, startScriptedServer } from '@ionflux/testing/http';
import { afterEach, describe, expect, it } from 'vitest';
import { abortableSleep } from './abortable-sleep.ts';

let server: ScriptedServer | undefined;
let test: TestClient | undefined;

afterEach(async () => {
  await test?.client.close();
  await server?.close();
  test = undefined;
  server = undefined;
});

describe('ProviderHttpClient cancellation', () => {
  it('aborts the attempt in flight when the caller aborts, with no retry', async () => {
    server = await startScriptedServer([{ status: 200, delayMs: 5_000 }]);
    test = createTestClient();
    const controller = new AbortController();
    const call = rejectionOf(
      test.client.request({ method: 'GET', url: server.url, signal: controller.signal }),
    );
    while (server.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    controller.abort();
    const error = await call;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
    expect(test.sleeps).toEqual([]);
    const lines = await test.logLines();
    expect(lines.at(-1)).toMatchObject({ outcome: 'cancelled' });
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    server = await startScriptedServer([{ status: 503, headers: { 'retry-after': '10' } }, { status: 200 }]);
    test = createTestClient({ sleep: abortableSleep });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await rejectionOf(
      test.client.request({ method: 'GET', url: server.url, signal: controller.signal }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    server = await startScriptedServer([{ status: 200 }]);
    test = createTestClient();
    const error = await rejectionOf(
      test.client.request({ method: 'GET', url: server.url, signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(server.received).toHaveLength(0);
  });
});

describe('ProviderHttpClient connection pool', () => {
  it('reuses kept-alive connections for sequential calls, retries included', async () => {
    server = await startScriptedServer([
      { status: 200, body: {} },
      { status: 503 },
      { status: 200, body: {} },
    ]);
    test = createTestClient();
    for (let call = 0; call < 10; call++) {
      await test.client.request({ method: 'GET', url: `${server.url}/v1/items/${call}` });
    }
    expect(server.received).toHaveLength(11);
    // undici frees a socket a tick after the body ends, so a call made at once opens a second one;
    // from then on the two alternate. Without keep-alive this would be 11.
    expect(server.socketCount()).toBeLessThanOrEqual(2);
  });

  it('opens at most maxConnectionsPerHost sockets for concurrent calls', async () => {
    server = await startScriptedServer([{ status: 200, body: {}, delayMs: 50 }]);
    test = createTestClient({ maxConnectionsPerHost: 2 });
    await Promise.all(
      Array.from({ length: 6 }, () => test?.client.request({ method: 'GET', url: server?.url ?? '' })),
    );
    expect(server.received).toHaveLength(6);
    expect(server.socketCount()).toBe(2);
  });
});
