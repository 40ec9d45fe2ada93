import { generateMasterKey } from '@ionflux/kit/crypto';
import { type ShopifySimulator, startShopifySimulator } from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import {
  connectShopifyStore,
  type LlmSystemUnderTest,
  type ShopifyAppKeys,
  shopifyEnv,
  startLlmSystem,
} from '@ionflux/testing/system';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// One query can fan out into many LLM calls: aliases × products × aiSummary, fetched by the gateway from
// the LLM subgraph in one or more `_entities` requests. LLM_MAX_CALLS_PER_REQUEST bounds them per
// gateway request; the summaries within it are written, the others are field errors.

const keys: ShopifyAppKeys = {
  apiKey: 'e2e-llm-cap',
  apiSecret: 'e2e-llm-cap-secret',
  masterKey: generateMasterKey('e2e-cap'),
};

let simulator: ShopifySimulator;
let system: LlmSystemUnderTest;
let connectionId: string;

beforeAll(async () => {
  simulator = await startShopifySimulator({ apiKey: keys.apiKey, apiSecret: keys.apiSecret });
  system = await startLlmSystem({ ...shopifyEnv(simulator, keys), LLM_MAX_CALLS_PER_REQUEST: '4' });
  connectionId = await connectShopifyStore({
    databaseUrl: system.databaseUrl,
    simulator,
    keys,
    workspaceId: system.workspaceId,
    userId: system.userId,
    shop: simulator.demoShop,
    scopes: ['read_products'],
  });
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await simulator?.close();
});

beforeEach(() => {
  system.simulator.clearRequests();
});

interface ProductPage {
  nodes: { id: string; aiSummary: string | null }[];
}

const FAN_OUT = /* GraphQL */ `
  query FanOut($c: ID!) {
    a: shopifyProducts(connectionId: $c, first: 5) { nodes { id aiSummary(style: "short") } }
    b: shopifyProducts(connectionId: $c, first: 5) { nodes { id aiSummary(style: "playful") } }
  }
`;

const completions = () =>
  system.simulator.requests().filter((request) => request.path.endsWith('/chat/completions'));

describe('the cap on LLM calls per gateway request (LLM_MAX_CALLS_PER_REQUEST)', () => {
  it('writes the summaries within it and answers the others with a coded field error saying the limit', async () => {
    const { status, body } = await postGraphQL<{ a: ProductPage; b: ProductPage }>(
      system.gatewayUrl,
      FAN_OUT,
      { token: system.token, variables: { c: connectionId } },
    );
    expect(status).toBe(200);
    const summaries = [...(body.data?.a.nodes ?? []), ...(body.data?.b.nodes ?? [])];
    expect(summaries).toHaveLength(10);
    const written = summaries.filter((node) => typeof node.aiSummary === 'string' && node.aiSummary !== '');
    expect(written).toHaveLength(4);
    expect(body.errors).toHaveLength(6);
    for (const error of body.errors ?? []) {
      expect(error.path?.at(-1)).toBe('aiSummary');
      expect(error.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(
        /This request asked for more than 4 LLM calls .*Ask for fewer at once \(a smaller `first`, fewer aliases\)/,
      );
    }
    // Only the calls within the cap reached the provider.
    expect(completions()).toHaveLength(4);
  });

  it('counts each gateway request apart: the next one gets its own calls', async () => {
    const { body } = await postGraphQL<{ a: ProductPage; b: ProductPage }>(system.gatewayUrl, FAN_OUT, {
      token: system.token,
      variables: { c: connectionId },
    });
    const written = [...(body.data?.a.nodes ?? []), ...(body.data?.b.nodes ?? [])].filter(
      (node) => typeof node.aiSummary === 'string',
    );
    expect(written).toHaveLength(4);
    expect(completions()).toHaveLength(4);
  });

  it('answers a request within the cap in full', async () => {
    const { body } = await postGraphQL<{ shopifyProducts: ProductPage }>(
      system.gatewayUrl,
      'query($c: ID!) { shopifyProducts(connectionId: $c, first: 4) { nodes { id aiSummary } } }',
      { token: system.token, variables: { c: connectionId } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.shopifyProducts.nodes.every((node) => typeof node.aiSummary === 'string')).toBe(true);
  });

  it('counts completions too: aliases of createCompletion past the cap are refused in their envelope', async () => {
    const aliases = Array.from(
      { length: 6 },
      (_, i) =>
        `c${i}: createCompletion(input: { prompt: "hi ${i}", parameters: { maxTokens: 8 } }) { status error { code message } }`,
    ).join('\n');
    const { body } = await postGraphQL<Record<string, { status: string; error: { code: string } | null }>>(
      system.gatewayUrl,
      `mutation { ${aliases} }`,
      { token: system.token },
    );
    const results = Object.values(body.data ?? {});
    expect(results.filter((result) => result.status === 'SUCCESS')).toHaveLength(4);
    expect(results.filter((result) => result.error?.code === 'INVALID_REQUEST')).toHaveLength(2);
    expect(completions()).toHaveLength(4);
  });
});
