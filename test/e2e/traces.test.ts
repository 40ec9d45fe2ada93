import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { type LlmSimulator, startLlmSimulator } from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@ionflux/testing/otlp';
import { docExampleFor, type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { connectWs, eventually, subscribeWs } from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// OpenTelemetry across the system: every service exports OTLP/HTTP to a local receiver. One query that
// crosses subgraphs (Shopify's products with the LLM subgraph's aiSummary) must arrive as one trace whose
// parent links run caller → gateway → subgraph fetches → subgraphs → provider calls.

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

let receiver: OtlpReceiver;
let llm: LlmSimulator;
let shopify: ShopifySystem;
let connectionId: string;
let brandId: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const keys = {
    openai: `sk-central-${randomBytes(12).toString('hex')}`,
    anthropic: `sk-ant-central-${randomBytes(12).toString('hex')}`,
    gemini: `AIzaCentral${randomBytes(12).toString('hex')}`,
  };
  llm = await startLlmSimulator({ apiKeys: keys });
  shopify = await startShopifySystem({
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OPENAI_API_KEY: keys.openai,
      ANTHROPIC_API_KEY: keys.anthropic,
      GEMINI_API_KEY: keys.gemini,
      OPENAI_BASE_URL: llm.openaiBaseUrl,
      ANTHROPIC_BASE_URL: llm.anthropicBaseUrl,
      GEMINI_BASE_URL: llm.geminiBaseUrl,
    },
  });
  ({ connectionId, brandId } = await shopify.connect({ shop: shopify.simulator.demoShop }));
  await shopify.settled(connectionId);
}, 180_000);

afterAll(async () => {
  await shopify?.stop();
  await llm?.close();
  await receiver?.close();
});

const PRODUCTS = /* GraphQL */ `
  query Products($c: ID!) { shopifyProducts(connectionId: $c, first: 1) { nodes { id title aiSummary } } }
`;

/** Waits until the trace holds spans matching every predicate; the batches arrive within about a second. */
async function traceWith(
  traceId: string,
  ...wanted: ((span: ReceivedSpan) => boolean)[]
): Promise<ReceivedSpan[]> {
  return vi.waitFor(
    () => {
      const spans = receiver.spans().filter((span) => span.traceId === traceId);
      for (const predicate of wanted) expect(spans.some(predicate), predicate.toString()).toBe(true);
      return spans;
    },
    { timeout: 15_000, interval: 200 },
  );
}

function only(spans: ReceivedSpan[], predicate: (span: ReceivedSpan) => boolean, what: string): ReceivedSpan {
  const found = spans.filter(predicate);
  expect(found, what).toHaveLength(1);
  return found[0] as ReceivedSpan;
}

describe('traces of a cross-subgraph query', () => {
  it('continue the caller’s traceparent from the gateway through both subgraphs to the providers', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${shopify.system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${shopify.system.token}`,
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({ query: PRODUCTS, variables: { c: connectionId } }),
    });
    const body = (await response.json()) as {
      data?: { shopifyProducts: { nodes: { aiSummary: string }[] } };
    };
    expect(body.data?.shopifyProducts.nodes[0]?.aiSummary).toEqual(expect.any(String));

    const spans = await traceWith(
      traceId,
      (s) => s.service === 'gateway' && s.kind === SERVER,
      (s) => s.service === 'shopify' && s.kind === SERVER,
      (s) => s.service === 'llm' && s.kind === SERVER,
      (s) => s.service === 'shopify' && s.kind === CLIENT,
      (s) => s.service === 'llm' && s.kind === CLIENT,
    );
    const gateway = only(spans, (s) => s.service === 'gateway' && s.kind === SERVER, 'gateway server span');
    expect(gateway.name).toBe('query shopifyProducts');
    expect(gateway.parentSpanId).toBe(callerSpanId);
    expect(gateway.attributes['http.response.status_code']).toBe(200);

    const fetches = spans.filter((s) => s.service === 'gateway' && s.kind === CLIENT);
    expect(fetches.map((s) => s.attributes['ionflux.subgraph']).sort()).toEqual(['llm', 'shopify']);
    for (const fetchSpan of fetches) expect(fetchSpan.parentSpanId, fetchSpan.name).toBe(gateway.spanId);

    for (const subgraph of ['shopify', 'llm']) {
      const fetchSpan = only(
        fetches,
        (s) => s.attributes['ionflux.subgraph'] === subgraph,
        `fetch ${subgraph}`,
      );
      const server = only(
        spans,
        (s) => s.service === subgraph && s.kind === SERVER,
        `${subgraph} server span`,
      );
      expect(server.name).toBe('POST /graphql');
      // The subgraph's span is a child of the gateway's fetch: the traceparent crossed the socket.
      expect(server.parentSpanId).toBe(fetchSpan.spanId);
      const calls = spans.filter((s) => s.service === subgraph && s.kind === CLIENT);
      expect(calls.length, `${subgraph} provider calls`).toBeGreaterThan(0);
      for (const call of calls) expect(call.parentSpanId, call.name).toBe(server.spanId);
    }
    const [adminCall] = spans.filter((s) => s.service === 'shopify' && s.kind === CLIENT);
    expect(adminCall?.attributes).toMatchObject({
      'ionflux.provider': 'shopify',
      'http.response.status_code': 200,
    });
    const [llmCall] = spans.filter((s) => s.service === 'llm' && s.kind === CLIENT);
    expect(llmCall?.attributes).toMatchObject({
      'ionflux.provider': 'openai',
      'http.response.status_code': 200,
    });
    // Spans carry no token, key or identity.
    const text = JSON.stringify(spans);
    expect(text).not.toContain(shopify.system.token);
    expect(text).not.toContain('sk-central');
    expect(receiver.rejected()).toBe(0);
  });

  it('starts a new trace when the caller sends none, or a malformed traceparent', async () => {
    const before = new Set(receiver.spans().map((s) => s.traceId));
    for (const traceparent of [undefined, '00-not-a-trace-01', `00-${'0'.repeat(32)}-${'0'.repeat(16)}-01`]) {
      const { status, body } = await postGraphQL(shopify.system.gatewayUrl, '{ llmProviders { id } }', {
        token: shopify.system.token,
        ...(traceparent ? { headers: { traceparent } } : {}),
      });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    await vi.waitFor(
      () => {
        const roots = receiver
          .spans()
          .filter((s) => s.service === 'gateway' && s.kind === SERVER && s.name === 'query llmProviders');
        expect(roots).toHaveLength(3);
        for (const root of roots) {
          expect(root.parentSpanId).toBe('');
          expect(before.has(root.traceId)).toBe(false);
        }
        expect(new Set(roots.map((s) => s.traceId)).size).toBe(3);
      },
      { timeout: 15_000, interval: 200 },
    );
  });
});

describe('traces of a webhook delivery', () => {
  it('run from the delivery through its job, the event bus and the subgraph to the gateway’s subscribers', async () => {
    const client = connectWs(shopify.system.gatewayUrl, shopify.system.token);
    const events = subscribeWs(
      client,
      'subscription ($b: ID!) { shopifySalesEvents(brandId: $b) { id kind } }',
      {
        b: brandId,
      },
    );
    try {
      await eventually(() => shopify.system.gateway.subscriptions.stats().upstreamSubscriptions >= 1, 10_000);
      const traceId = randomBytes(16).toString('hex');
      const senderSpanId = randomBytes(8).toString('hex');
      const body = docExampleFor('orders/create', shopify.simulator.demoShop);
      const response = await fetch(`${shopify.publicUrl}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/create',
          'x-shopify-shop-domain': shopify.simulator.demoShop,
          'x-shopify-api-version': shopify.simulator.apiVersion,
          'x-shopify-webhook-id': randomUUID(),
          'x-shopify-triggered-at': new Date().toISOString(),
          'x-shopify-hmac-sha256': createHmac('sha256', shopify.apiSecret).update(body).digest('base64'),
          traceparent: `00-${traceId}-${senderSpanId}-01`,
        },
        body,
      });
      expect(response.status).toBe(200);
      const [event] = await events.waitForResults(1, 15_000);
      expect(event?.errors).toBeUndefined();
      // The subgraph's trace context stays between it and the gateway.
      expect(JSON.stringify(event)).not.toContain('traceparent');

      const spans = await traceWith(
        traceId,
        (s) => s.service === 'shopify' && s.kind === SERVER,
        (s) => s.service === 'shopify' && s.kind === CONSUMER && s.name.startsWith('job '),
        (s) => s.service === 'shopify' && s.kind === CONSUMER && s.name.startsWith('deliver '),
        (s) => s.service === 'gateway' && s.kind === CONSUMER,
      );
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      /** Whether `span` descends from `ancestor` through the parent links. */
      const descends = (span: ReceivedSpan, ancestor: ReceivedSpan): boolean => {
        for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId))
          if (at === ancestor) return true;
        return false;
      };
      const received = only(spans, (s) => s.kind === SERVER, 'webhook server span');
      expect(received.name).toBe('POST /webhooks/shopify');
      expect(received.parentSpanId).toBe(senderSpanId);
      expect(received.attributes['http.response.status_code']).toBe(200);
      // The job queue carried the trace context: the job that applied the delivery is the route's child.
      const job = only(spans, (s) => s.name === 'job shopify.webhook.process', 'job span');
      expect(job.kind).toBe(CONSUMER);
      expect(job.parentSpanId).toBe(received.spanId);
      expect(job.attributes['ionflux.job.attempt']).toBe(1);
      // The bus carried it on: the subgraph's execution of the event for the subscription descends
      // from the job that published it, and the gateway's handling of the event is that span's child.
      const deliver = only(spans, (s) => s.name === 'deliver shopifySalesEvents', 'subgraph delivery span');
      expect(descends(deliver, job)).toBe(true);
      const gatewayEvent = only(
        spans,
        (s) => s.service === 'gateway' && s.kind === CONSUMER,
        'gateway event span',
      );
      expect(gatewayEvent.name).toBe('event shopify');
      expect(gatewayEvent.parentSpanId).toBe(deliver.spanId);
    } finally {
      events.unsubscribe();
      await client.dispose();
    }
  });
});
