import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@ionflux/testing/http';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: SystemUnderTest;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await system?.stop();
});

const ALL_THREE = /* GraphQL */ `
  query AllThree {
    llmProviders { id usable centralKeyConfigured models { id } }
    shopifyConnections { id shop status }
    tiktokConnections { id openId status }
    integrationConnections { id provider accountId status }
  }
`;

describe('POST /graphql through the gateway', () => {
  it('answers one query with data from all three subgraphs', async () => {
    const { status, body } = await postGraphQL(system.gatewayUrl, ALL_THREE, { token: system.token });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      shopifyConnections: [],
      tiktokConnections: [],
      integrationConnections: [],
    });
    const providers = body.data?.['llmProviders'] as { id: string; usable: boolean }[];
    expect(providers.map((p) => p.id)).toEqual(['OPENAI', 'CLAUDE', 'GEMINI']);
    expect(providers.every((p) => p.usable === false)).toBe(true);
  });

  it('scopes every subgraph to the caller’s workspace', async () => {
    const sql = postgres(system.databaseUrl, { max: 1 });
    const [mine, theirs] = [system.workspaceId, randomUUID()];
    const brand = randomUUID();
    try {
      for (const [workspace, shop] of [
        [mine, 'mine.myshopify.com'],
        [theirs, 'theirs.myshopify.com'],
      ] as const) {
        const [row] = await sql`
          insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status, scopes)
          values (${workspace}, 'shopify', 'brand', ${brand}, ${shop}, 'CONNECTED', ${['read_products']})
          returning id`;
        await sql`insert into shopify.shops (connection_id, workspace_id, shop_domain, name, currency)
          values (${row?.['id']}, ${workspace}, ${shop}, ${shop}, 'USD')`;
      }
      await sql`insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status)
        values (${theirs}, 'tiktok', 'creator', ${randomUUID()}, 'open-id-theirs', 'CONNECTED')`;
    } finally {
      await sql.end();
    }

    const { body } = await postGraphQL(system.gatewayUrl, ALL_THREE, { token: system.token });
    expect(body.errors).toBeUndefined();
    expect(body.data?.['shopifyConnections']).toEqual([
      { id: expect.any(String), shop: 'mine.myshopify.com', status: 'CONNECTED' },
    ]);
    expect(body.data?.['tiktokConnections']).toEqual([]);
    expect(body.data?.['integrationConnections']).toEqual([
      { id: expect.any(String), provider: 'SHOPIFY', accountId: 'mine.myshopify.com', status: 'CONNECTED' },
    ]);

    const { body: byBrand } = await postGraphQL(
      system.gatewayUrl,
      'query($b: ID) { shopifyConnections(brandId: $b) { shop shopName currency scopes brandId } }',
      { token: system.token, variables: { b: brand } },
    );
    expect(byBrand.data?.['shopifyConnections']).toEqual([
      {
        shop: 'mine.myshopify.com',
        shopName: 'mine.myshopify.com',
        currency: 'USD',
        scopes: ['read_products'],
        brandId: brand,
      },
    ]);
  });

  it('filters TikTok connections by their owner, brand or creator, within the workspace', async () => {
    const workspaceId = randomUUID();
    const [brand, creator] = [randomUUID(), randomUUID()];
    const sql = postgres(system.databaseUrl, { max: 1 });
    try {
      for (const [ownerType, ownerId, openId] of [
        ['brand', brand, 'open-id-brand'],
        ['creator', creator, 'open-id-creator'],
      ] as const) {
        await sql`insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status)
          values (${workspaceId}, 'tiktok', ${ownerType}, ${ownerId}, ${openId}, 'CONNECTED')`;
      }
    } finally {
      await sql.end();
    }
    const token = await system.tokenFor(workspaceId);
    const openIds = async (variables: Record<string, string>) => {
      const { body } = await postGraphQL<{ tiktokConnections: { openId: string }[] }>(
        system.gatewayUrl,
        'query($b: ID, $c: ID) { tiktokConnections(brandId: $b, creatorId: $c) { openId } }',
        { token, variables },
      );
      expect(body.errors).toBeUndefined();
      return body.data?.tiktokConnections.map((connection) => connection.openId).sort();
    };
    expect(await openIds({})).toEqual(['open-id-brand', 'open-id-creator']);
    expect(await openIds({ b: brand })).toEqual(['open-id-brand']);
    expect(await openIds({ c: creator })).toEqual(['open-id-creator']);
    expect(await openIds({ b: creator })).toEqual([]);
  });

  it('refuses a request without a JWT with UNAUTHENTICATED and 401', async () => {
    const { status, body } = await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  it.each([
    ['a token signed with another secret', async () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['a token without workspace_id', async () => system.tokenFor('not-a-uuid')],
  ])('refuses %s with UNAUTHENTICATED', async (_name, makeToken) => {
    const { status, body } = await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }', {
      token: await makeToken(),
    });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('serves introspection without a token outside production (the playground needs the schema)', async () => {
    const { status, body } = await postGraphQL(system.gatewayUrl, '{ __schema { queryType { name } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('rejects a query 20 levels deep with INVALID_REQUEST before calling a subgraph', async () => {
    const deep = `{ llmProviders { ${'models { '.repeat(19)}id${' }'.repeat(19)} } }`;
    const { status, body } = await postGraphQL(system.gatewayUrl, deep, { token: system.token });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_REQUEST',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(body.errors?.map((e) => e.message).join('\n')).toMatch(/depth limit of 10 exceeded, found 2\d/i);
  });

  it('rejects a query with 200 aliases with INVALID_REQUEST', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: llmProviders { id }`).join(' ');
    const { status, body } = await postGraphQL(system.gatewayUrl, `{ ${aliases} }`, { token: system.token });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_REQUEST',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('rejects a malformed query with INVALID_REQUEST', async () => {
    const { status, body } = await postGraphQL(system.gatewayUrl, '{ llmProviders { id ', {
      token: system.token,
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
  });

  it('refuses a GET mutation-less simple request without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${system.gatewayUrl}/graphql?query=${encodeURIComponent('{__typename}')}`);
    expect(response.status).toBe(400);
    await response.body?.cancel();
  });

  it('returns the caller’s x-request-id, and makes one up when none is sent', async () => {
    const given = await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }', {
      token: system.token,
      headers: { 'x-request-id': 'req-from-canvas-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('req-from-canvas-123');
    const made = await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }', { token: system.token });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The subgraph logged the same id, so one request can be followed across services.
    expect(system.logs()).toMatch(/"service":"llm".*"requestId":"req-from-canvas-123"/);
  });

  it('never writes the caller’s token to the logs', async () => {
    await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }', { token: system.token });
    expect(system.logs()).not.toContain(system.token);
    expect(system.logs()).not.toContain(system.jwtSecret);
    expect(system.logs()).not.toContain(system.internalSecret);
  });
});

describe('subgraphs reached directly', () => {
  it.each(['llm', 'shopify', 'tiktok'] as const)(
    '%s refuses a request without the gateway signature with 401',
    async (name) => {
      const { status, body } = await postGraphQL(system.subgraphs[name].graphqlUrl, '{ __typename }', {
        token: system.token,
      });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    },
  );

  it('refuses an identity signed with another secret', async () => {
    const { status } = await postGraphQL(system.subgraphs.shopify.graphqlUrl, '{ __typename }', {
      headers: { 'x-ionflux-identity': 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    });
    expect(status).toBe(401);
  });
});

describe('operational routes', () => {
  const services = () => ({
    gateway: system.gatewayUrl,
    llm: system.subgraphs.llm.url,
    shopify: system.subgraphs.shopify.url,
    tiktok: system.subgraphs.tiktok.url,
  });

  it('answers /healthz, /readyz and /metrics on the gateway and every subgraph', async () => {
    for (const [name, url] of Object.entries(services())) {
      const health = await fetch(`${url}/healthz`);
      expect(health.status, name).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status, name).toBe(200);
      expect(await ready.json(), name).toMatchObject({ status: 'ready' });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics, name).toContain('ionflux_http_requests_total');
      expect(metrics, name).toContain(`service="${name}"`);
    }
  });

  it('reports the gateway not ready, naming the subgraph, when one is down', async () => {
    const { startSystem: start } = await import('@ionflux/testing/system');
    const other = await start();
    try {
      await other.subgraphs.tiktok.close();
      const response = await fetch(`${other.gatewayUrl}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        checks: { 'subgraph:tiktok': 'failing', 'subgraph:llm': 'ok' },
      });
    } finally {
      await other.gateway.close();
      await Promise.all([other.subgraphs.llm.close(), other.subgraphs.shopify.close()]);
    }
  });
});

describe('with NODE_ENV=production', () => {
  let production: SystemUnderTest;
  beforeAll(async () => {
    production = await startSystem({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('refuses introspection, even with a valid token', async () => {
    const { status, body } = await postGraphQL(production.gatewayUrl, '{ __schema { queryType { name } } }', {
      token: production.token,
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it('serves no playground', async () => {
    const response = await fetch(`${production.gatewayUrl}/playground`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it('still answers queries', async () => {
    const { body } = await postGraphQL(production.gatewayUrl, '{ llmProviders { id } }', {
      token: production.token,
    });
    expect(body.data?.['llmProviders']).toHaveLength(3);
  });
});

describe('coded errors from a subgraph', () => {
  it('reach the client through the gateway with their code and message', async () => {
    const { status, body } = await postGraphQL(
      system.gatewayUrl,
      `{ tiktokConnections(brandId: "${randomUUID()}", creatorId: "${randomUUID()}") { id } }`,
      { token: system.token },
    );
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/brandId or creatorId, not both/),
      extensions: { code: 'INVALID_REQUEST' },
    });
  });
});
