import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { type LlmSimulator, startLlmSimulator } from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import { readMetricsTable, sampleValue, scrapeMetricNames } from '@ionflux/testing/metrics';
import { docExampleFor, type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The README's metrics table against what a running system serves: every service on its admin port,
// after a few calls of each kind (a cross-subgraph query, an LLM completion, a connected store read, a
// webhook delivered and a forged one refused).

let shopify: ShopifySystem;
let llm: LlmSimulator;
let connectionId: string;
const table = readMetricsTable();

const adminUrls = () => ({
  gateway: shopify.system.gateway.adminUrl,
  llm: shopify.system.subgraphs.llm.adminUrl,
  shopify: shopify.system.subgraphs.shopify.adminUrl,
  tiktok: shopify.system.subgraphs.tiktok.adminUrl,
});

async function scrape(service: keyof ReturnType<typeof adminUrls>): Promise<string> {
  const response = await fetch(`${adminUrls()[service]}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

const query = (text: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(shopify.system.gatewayUrl, text, { token: shopify.system.token, variables });

function deliver(body: string, secret: string): Promise<Response> {
  return fetch(`${shopify.publicUrl}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': shopify.simulator.demoShop,
      'x-shopify-api-version': shopify.simulator.apiVersion,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
    },
    body,
  });
}

beforeAll(async () => {
  const keys = {
    openai: `sk-central-${randomBytes(12).toString('hex')}`,
    anthropic: `sk-ant-central-${randomBytes(12).toString('hex')}`,
    gemini: `AIzaCentral${randomBytes(12).toString('hex')}`,
  };
  llm = await startLlmSimulator({ apiKeys: keys });
  shopify = await startShopifySystem({
    env: {
      ADMIN_PORT: '0',
      OPENAI_API_KEY: keys.openai,
      ANTHROPIC_API_KEY: keys.anthropic,
      GEMINI_API_KEY: keys.gemini,
      OPENAI_BASE_URL: llm.openaiBaseUrl,
      ANTHROPIC_BASE_URL: llm.anthropicBaseUrl,
      GEMINI_BASE_URL: llm.geminiBaseUrl,
    },
  });
  ({ connectionId } = await shopify.connect({ shop: shopify.simulator.demoShop }));
  await shopify.settled(connectionId);

  const products = await query(
    /* GraphQL */ `query ($c: ID!) { shopifyProducts(connectionId: $c, first: 2) { nodes { id title aiSummary } } }`,
    { c: connectionId },
  );
  expect(products.body.errors).toBeUndefined();
  const completion = await query(
    /* GraphQL */ `mutation ($input: CompletionInput!) { createCompletion(input: $input) { status } }`,
    {
      input: {
        provider: 'OPENAI',
        model: 'gpt-4o-mini',
        prompt: 'Name a colour.',
        parameters: { maxTokens: 16 },
      },
    },
  );
  expect(completion.body.data).toEqual({ createCompletion: { status: 'SUCCESS' } });
  const refused = await query('{ nope }');
  expect(refused.status).toBe(400);
  const body = docExampleFor('orders/create', shopify.simulator.demoShop);
  expect((await deliver(body, shopify.apiSecret)).status).toBe(200);
  expect((await deliver(body, 'not-the-app-secret')).status).toBe(401);
}, 180_000);

afterAll(async () => {
  await shopify?.stop();
  await llm?.close();
});

describe('GET /metrics of a running system', () => {
  it('declares every metric of the README table on each service the table names, with its type', async () => {
    const missing: string[] = [];
    for (const service of ['gateway', 'llm', 'shopify', 'tiktok'] as const) {
      const { types } = scrapeMetricNames(await scrape(service));
      for (const metric of table.filter((m) => m.services.includes(service))) {
        const type = types.get(metric.name);
        if (type !== metric.type) missing.push(`${service}: ${metric.name} (${type ?? 'absent'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('counts what the calls above did', async () => {
    const gateway = await scrape('gateway');
    const count = (text: string, name: string, labels: Record<string, string>) =>
      sampleValue(text, name, labels) ?? 0;
    expect(
      count(gateway, 'ionflux_graphql_requests_total', {
        operation_type: 'query',
        root_field: 'shopifyProducts',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      count(gateway, 'ionflux_graphql_requests_total', {
        operation_type: 'mutation',
        root_field: 'createCompletion',
      }),
    ).toBe(1);
    expect(
      count(gateway, 'ionflux_graphql_requests_total', { root_field: 'unknown', outcome: 'refused' }),
    ).toBe(1);
    expect(
      count(gateway, 'ionflux_graphql_request_duration_seconds_count', { root_field: 'shopifyProducts' }),
    ).toBe(1);
    // shopifyProducts' aiSummary is the LLM subgraph's: one query, both subgraphs fetched.
    for (const subgraph of ['shopify', 'llm']) {
      expect(
        count(gateway, 'ionflux_gateway_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' }),
        subgraph,
      ).toBeGreaterThanOrEqual(1);
    }
    const llmText = await scrape('llm');
    expect(
      count(llmText, 'ionflux_llm_tokens_total', { provider: 'openai', kind: 'prompt' }),
    ).toBeGreaterThan(0);
    expect(
      count(llmText, 'ionflux_llm_tokens_total', { provider: 'openai', kind: 'completion' }),
    ).toBeGreaterThan(0);
    expect(
      count(llmText, 'ionflux_llm_cost_usd_total', { provider: 'openai', key_source: 'central' }),
    ).toBeGreaterThan(0);
    expect(
      count(llmText, 'ionflux_provider_calls_total', {
        provider: 'openai',
        status_class: '2xx',
        code: 'none',
      }),
    ).toBeGreaterThan(0);
    await vi.waitFor(
      async () => {
        const text = await scrape('shopify');
        expect(
          count(text, 'ionflux_provider_calls_total', { provider: 'shopify', code: 'none' }),
        ).toBeGreaterThan(0);
        expect(
          count(text, 'ionflux_webhooks_received_total', { provider: 'shopify', outcome: 'stored' }),
        ).toBe(1);
        expect(
          count(text, 'ionflux_webhooks_received_total', { provider: 'shopify', outcome: 'refused' }),
        ).toBe(1);
        // The webhook task's series, 0 once its job ran: a task without jobs reads 0, it does not vanish.
        expect(sampleValue(text, 'ionflux_jobs_queued', { task: 'shopify.webhook.process' })).toBeDefined();
      },
      { timeout: 10_000, interval: 200 },
    );
    // No series carries a workspace, user or connection: none of their values appears in any scrape.
    for (const service of ['gateway', 'llm', 'shopify', 'tiktok'] as const) {
      const text = await scrape(service);
      expect(text).not.toContain(shopify.system.workspaceId);
      expect(text).not.toContain(connectionId);
    }
  });
});
