import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { issueToken, parseGatewayConfig, startGateway } from '@ionflux/gateway';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { startShopifySimulator } from '@ionflux/sandbox';
import { parseShopifyConfig, startShopifySubgraph } from '@ionflux/shopify';
import { postGraphQL } from '@ionflux/testing/http';
import { connectShopifyStore, shopifyEnv } from '@ionflux/testing/system';
import { parseTikTokConfig, startTikTokSubgraph } from '@ionflux/tiktok';
import postgres from 'postgres';
import { printTable, summarise, writeResults } from './bench-report.ts';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 30);
const WARMUP = 3;

/** The nested read the loader exists for: 50 orders → line items → their products. */
const QUERY = /* GraphQL */ `
  query Bench($c: ID!) {
    shopifyOrders(connectionId: $c, first: 50) {
      nodes { name totalPrice { amount } lineItems { quantity product { id title variants { price { amount } } } } }
    }
  }
`;

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * Admin calls and latency per gateway query for nested orders → line items → products, with the
 * per-request DataLoader batching lookups into `nodes(ids:)` and without it (one call per product), side
 * by side against the same simulator store. The simulator's bucket is made large so the figures show the
 * calls themselves, not throttling waits.
 */
export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-shopify-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir });
  const keys = { apiKey: 'bench-app', apiSecret: 'bench-secret', masterKey: generateMasterKey('bench-1') };
  const simulator = await startShopifySimulator({
    apiKey: keys.apiKey,
    apiSecret: keys.apiSecret,
    bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
  });
  const stops: (() => Promise<void>)[] = [];
  try {
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database ionflux_shopify_bench');
    await admin.end();
    const url = new URL(pg.url);
    url.pathname = '/ionflux_shopify_bench';
    const databaseUrl = url.toString();
    const base = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      IONFLUX_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
      ...shopifyEnv(simulator, keys),
    };
    const jwtSecret = randomBytes(32).toString('base64url');
    const start = async (batch: boolean) => {
      const options = { logDestination: discard() };
      const [llm, shopify, tiktok] = await Promise.all([
        startLlmSubgraph(parseLlmConfig({ ...base, LLM_SUBGRAPH_PORT: '0' }), options),
        startShopifySubgraph(
          parseShopifyConfig({ ...base, SHOPIFY_SUBGRAPH_PORT: '0', SHOPIFY_ADMIN_BATCH: String(batch) }),
          options,
        ),
        startTikTokSubgraph(parseTikTokConfig({ ...base, TIKTOK_SUBGRAPH_PORT: '0' }), options),
      ]);
      const gateway = await startGateway(
        parseGatewayConfig({
          ...base,
          PORT: '0',
          IONFLUX_JWT_SECRET: jwtSecret,
          LLM_SUBGRAPH_URL: llm.graphqlUrl,
          SHOPIFY_SUBGRAPH_URL: shopify.graphqlUrl,
          TIKTOK_SUBGRAPH_URL: tiktok.graphqlUrl,
        }),
        options,
      );
      stops.push(async () => {
        await gateway.close();
        await Promise.all([llm.close(), shopify.close(), tiktok.close()]);
      });
      return gateway.url;
    };
    const gateways = { loader: await start(true), 'no-loader': await start(false) };
    const workspaceId = randomUUID();
    const userId = randomUUID();
    const token = await issueToken({ secret: jwtSecret, workspaceId, userId });
    const connectionId = await connectShopifyStore({
      databaseUrl,
      simulator,
      keys,
      workspaceId,
      userId,
      shop: simulator.demoShop,
      scopes: ['read_products', 'read_orders'],
    });
    const once = async (gatewayUrl: string) => {
      const since = simulator.requests().at(-1)?.seq ?? 0;
      const started = performance.now();
      const { body } = await postGraphQL(gatewayUrl, QUERY, { token, variables: { c: connectionId } });
      const ms = performance.now() - started;
      if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
      const calls = simulator.requests(since).filter((r) => r.path.endsWith('/graphql.json')).length;
      return { ms, calls };
    };
    const names = Object.keys(gateways) as (keyof typeof gateways)[];
    for (let i = 0; i < WARMUP; i++) for (const name of names) await once(gateways[name]);
    const samples: Record<string, { ms: number[]; calls: number[] }> = {
      loader: { ms: [], calls: [] },
      'no-loader': { ms: [], calls: [] },
    };
    for (let i = 0; i < ITERATIONS; i++) {
      // Alternate the order each round so neither path always runs on a warmer process.
      for (const name of i % 2 === 0 ? names : [...names].reverse()) {
        const { ms, calls } = await once(gateways[name]);
        samples[name]?.ms.push(ms);
        samples[name]?.calls.push(calls);
      }
    }
    const rows = names.map((name) => {
      const s = samples[name] ?? { ms: [], calls: [] };
      const latency = summarise(name, s.ms);
      const callsMean = s.calls.reduce((a, b) => a + b, 0) / s.calls.length;
      return {
        path: name,
        queries: s.ms.length,
        'admin calls / query': callsMean,
        'p50 ms': latency.p50,
        'p90 ms': latency.p90,
        'p99 ms': latency.p99,
        'mean ms': latency.mean,
      };
    });
    console.log('\nShopify: 50 orders → line items → products, through the gateway\n');
    printTable(rows);
    const file = await writeResults('shopify', { iterations: ITERATIONS, query: QUERY, rows });
    console.log(`\nwritten to ${file}`);
  } finally {
    for (const stop of stops) await stop();
    await simulator.close();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
