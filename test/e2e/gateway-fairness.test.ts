import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { postGraphQL } from '@ionflux/testing/http';
import { openRawWs } from '@ionflux/testing/subscriptions';
import {
  type FloodOrders,
  type FloodReport,
  floodWorkerUrl,
  type LlmSystemUnderTest,
  type SystemUnderTest,
  startLlmSystem,
  startSystem,
} from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The gateway's per-workspace limits (gateway/src/limits): a token bucket and an in-flight count per
// workspace, checked right after the JWT, before the operation is parsed or planned.

const PROVIDERS = 'query { llmProviders { id usable } }';

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? Number.NaN) * 10) / 10;
}

/** `count` requests of workspace B, one at a time, one every `everyMs`: their latencies and bodies. */
async function pacedRequests(url: string, token: string, count: number, everyMs: number) {
  const latencies: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const { status, body } = await postGraphQL(url, PROVIDERS, { token });
    latencies.push(performance.now() - started);
    if (status !== 200 || body.errors || !body.data?.['llmProviders']) failures.push(JSON.stringify(body));
    const wait = everyMs - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { failures, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: percentile(sorted, 100) };
}

describe('a flood from one workspace, with the default limits', () => {
  let system: SystemUnderTest;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('is refused RATE_LIMITED with Retry-After while another workspace is served normally', async () => {
    const flooder = await system.tokenFor(randomUUID());
    const other = await system.tokenFor(randomUUID());
    const graphqlUrl = `${system.gatewayUrl}/graphql`;
    // Warm the path (plans, pools) before measuring.
    await pacedRequests(system.gatewayUrl, other, 10, 0);
    const idle = await pacedRequests(system.gatewayUrl, other, 100, 25);

    const orders: FloodOrders = {
      graphqlUrl,
      token: flooder,
      query: PROVIDERS,
      concurrency: 3000,
    };
    const worker = new Worker(floodWorkerUrl, { workerData: orders });
    const report = new Promise<FloodReport>((resolve, reject) => {
      worker.on('message', (message: { kind: string; report?: FloodReport }) => {
        if (message.kind === 'report' && message.report) resolve(message.report);
      });
      worker.once('error', reject);
    });
    let during: Awaited<ReturnType<typeof pacedRequests>>;
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (message: { kind: string }) => {
          if (message.kind === 'flooding') resolve();
        });
        worker.once('error', reject);
      });
      during = await pacedRequests(system.gatewayUrl, other, 100, 25);
    } finally {
      worker.postMessage('stop');
    }
    const flood = await report;
    await worker.terminate();

    console.log(
      [
        `gateway fairness: workspace A kept 3000 requests in flight (${flood.sent} sent: ${JSON.stringify(flood.byStatus)}, ${flood.socketErrors} socket errors)`,
        `  workspace B, 100 requests idle:        p50 ${idle.p50} ms, p99 ${idle.p99} ms, max ${idle.max} ms`,
        `  workspace B, 100 requests during flood: p50 ${during.p50} ms, p99 ${during.p99} ms, max ${during.max} ms`,
      ].join('\n'),
    );
    expect(during.failures).toEqual([]);
    expect(idle.failures).toEqual([]);
    expect(flood.byStatus['429']).toBeGreaterThan(1000);
    expect(flood.byStatus['200']).toBeGreaterThan(0);
    expect(Object.keys(flood.byStatus).sort()).toEqual(['200', '429']);
    expect(flood.firstRefusal?.retryAfter).toMatch(/^[1-9]\d*$/);
    const refusal = JSON.parse(flood.firstRefusal?.body ?? '{}') as {
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(refusal.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: Number(flood.firstRefusal?.retryAfter),
    });
    expect(refusal.errors?.[0]?.message).toMatch(/this gateway instance/);

    // Every admitted request gave its in-flight slot back: the flooder is served again at once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await postGraphQL(system.gatewayUrl, PROVIDERS, { token: flooder });
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
  }, 60_000);

  it('holds a refusal about a second before sending it, so a client ignoring Retry-After is slowed down', async () => {
    const token = await system.tokenFor(randomUUID());
    const timed = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const started = performance.now();
        const { status } = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
        return { status, ms: performance.now() - started };
      }),
    );
    const refused = timed.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + timed.filter((response) => response.status === 200).length).toBe(200);
    // Held between half the hold (GATEWAY_RATE_LIMITED_HOLD_MS, 1000 by default) and all of it.
    for (const response of refused) expect(response.ms).toBeGreaterThanOrEqual(490);
  });
});

describe('per-workspace limits, set small', () => {
  let system: LlmSystemUnderTest;
  beforeAll(async () => {
    system = await startLlmSystem({
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '1',
      GATEWAY_WORKSPACE_BURST: '3',
      GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '2',
      // Refusals sent at once, so each test sees the refusal before a token is back.
      GATEWAY_RATE_LIMITED_HOLD_MS: '0',
    });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('answers the request past the burst 429 RATE_LIMITED with Retry-After, before parsing it, and serves it again after the wait', async () => {
    const token = await system.tokenFor(randomUUID());
    for (let i = 0; i < 3; i++) {
      const { status } = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
      expect(status).toBe(200);
    }
    const refused = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/1 per second, bursts of 3.*retry after 1 s/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, limit: 'rate' },
        },
      ],
    });
    // Not parsed: a query that does not parse is refused by the limit, not by the parser.
    const unparsed = await postGraphQL(system.gatewayUrl, '{ nope(', { token });
    expect(unparsed.status).toBe(429);
    expect(unparsed.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');

    // Another workspace is not affected.
    const other = await postGraphQL(system.gatewayUrl, PROVIDERS, {
      token: await system.tokenFor(randomUUID()),
    });
    expect(other.status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
  });

  it('refuses a request while the workspace already has its limit in flight, and admits it once one is answered', async () => {
    const token = await system.tokenFor(randomUUID());
    system.simulator.injectFault({ provider: 'openai', latencyMs: 1000, times: 2 });
    const slow = () =>
      postGraphQL(
        system.gatewayUrl,
        'mutation { createCompletion(input: { prompt: "slow", parameters: { maxTokens: 8 } }) { status } }',
        { token },
      );
    const open = [slow(), slow()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/already has 2 requests in progress/),
      extensions: { code: 'RATE_LIMITED', limit: 'in_flight' },
    });
    for (const answered of await Promise.all(open)) {
      expect(answered.body.data).toEqual({ createCompletion: { status: 'SUCCESS' } });
    }
    const admitted = await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
    expect(admitted.status).toBe(200);
  });

  it('refuses an SSE subscription start past the rate with 429 and Retry-After', async () => {
    const token = await system.tokenFor(randomUUID());
    for (let i = 0; i < 3; i++) await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: 'subscription { completionStream(input: { prompt: "hi" }) { delta } }' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/bursts of 3/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, limit: 'rate' },
        },
      ],
    });
  });

  it('refuses a graphql-ws subscribe past the rate with RATE_LIMITED, keeping the connection', async () => {
    const token = await system.tokenFor(randomUUID());
    const client = await openRawWs(system.gatewayUrl, token);
    try {
      for (let i = 0; i < 3; i++) await postGraphQL(system.gatewayUrl, PROVIDERS, { token });
      client.send({
        type: 'subscribe',
        id: 'over',
        payload: { query: 'subscription { completionStream(input: { prompt: "hi" }) { delta } }' },
      });
      const error = await client.waitFor((m) => m.type === 'error' && m.id === 'over');
      expect(error.payload).toEqual([
        {
          message: expect.stringMatching(/bursts of 3/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, limit: 'rate' },
        },
      ]);
      // After the wait the same connection may subscribe again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      client.send({
        type: 'subscribe',
        id: 'later',
        payload: {
          query:
            'subscription { completionStream(input: { prompt: "hi", parameters: { maxTokens: 4 } }) { done } }',
        },
      });
      const next = await client.waitFor((m) => m.id === 'later' && (m.type === 'next' || m.type === 'error'));
      expect(next.type).toBe('next');
    } finally {
      client.close();
    }
  });
});
