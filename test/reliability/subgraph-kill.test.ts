import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { freePort } from '@ionflux/kit/server';
import { composeTestSupergraph } from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchChild, forkBenchChild } from '../bench/bench-child.ts';
import { benchmarkSubgraphModule } from '../bench/federation/benchmark-subgraph-schemas.ts';
import {
  type RunningBenchmarkSubgraphs,
  startBenchmarkSubgraphs,
} from '../bench/federation/benchmark-subgraphs.ts';
import { subgraphNames } from '../bench/federation/workload.ts';
import { type Outcome, startLoadLoop } from './support/load-loop.ts';

// A subgraph killed with SIGKILL while the gateway is under load, then started again on its port: the
// fields it owns come back null with PROVIDER_UNAVAILABLE errors naming it, the rest of each answer
// stands, nothing is a 5xx or INTERNAL, and the gateway answers in full again once it is back.

const QUERY = '{ topProducts(first: 5) { upc name price inStock shippingEstimate } }';
const jwtSecret = randomBytes(32).toString('base64url');
let others: RunningBenchmarkSubgraphs;
let inventory: BenchChild;
let inventoryPort: number;
let gateway: RunningGateway;
let token: string;

const startInventory = async () => {
  const child = forkBenchChild('federation/subgraphs-process.ts', {
    env: { BENCH_SUBGRAPHS: 'inventory', BENCH_SUBGRAPHS_PORT: String(inventoryPort) },
  });
  await child.ready;
  return child;
};

beforeAll(async () => {
  others = await startBenchmarkSubgraphs({ only: ['accounts', 'products', 'reviews'] });
  inventoryPort = await freePort();
  inventory = await startInventory();
  const urls = { ...others.urls, inventory: `http://127.0.0.1:${inventoryPort}/inventory` };
  const supergraphSdl = composeTestSupergraph(
    subgraphNames.map((name) => ({
      name,
      sdl: benchmarkSubgraphModule(name).typeDefs,
      graphqlUrl: urls[name],
    })),
  );
  gateway = await startGateway(
    parseGatewayConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '100000',
      GATEWAY_WORKSPACE_BURST: '100000',
    }),
    { supergraphSdl, logDestination: new PassThrough().resume() },
  );
  token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
});

afterAll(async () => {
  await gateway?.close();
  await inventory?.stop();
  await others?.close();
});

const complete = (outcome: Outcome) => {
  const products = (outcome.data as { topProducts?: { inStock: unknown; name: unknown }[] } | undefined)
    ?.topProducts;
  return (
    outcome.status === 200 &&
    outcome.codes.length === 0 &&
    products?.every((p) => p.inStock !== null) === true
  );
};

describe('a subgraph killed with SIGKILL during load', () => {
  it('gives PROVIDER_UNAVAILABLE for its fields and partial data, then recovers when it is back', async () => {
    const load = startLoadLoop(gateway.graphqlUrl, JSON.stringify({ query: QUERY }), {
      concurrency: 8,
      headers: { authorization: `Bearer ${token}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const killedAt = load.now();
    inventory.process.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const restartingAt = load.now();
    inventory = await startInventory();
    const backAt = load.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const outcomes = await load.stop();

    const before = outcomes.filter((o) => o.at < killedAt);
    const down = outcomes.filter((o) => o.at > killedAt + 200 && o.at < restartingAt);
    const after = outcomes.filter((o) => o.at > backAt);
    const firstComplete = after.find(complete);
    const recoveryMs = firstComplete ? firstComplete.at - backAt : Number.NaN;
    const codes = [...new Set(outcomes.flatMap((o) => o.codes))];
    console.log(
      `subgraph kill: ${outcomes.length} answers (${before.length} before, ${down.length} while down, ${after.length} after); ` +
        `codes seen ${codes.join(', ')}; first complete answer ${Math.round(recoveryMs)} ms after the subgraph listened again; ` +
        `while down: "${down[0]?.messages[0]}"`,
    );

    expect(before.length).toBeGreaterThan(0);
    expect(before.every(complete)).toBe(true);
    expect(down.length).toBeGreaterThan(0);
    for (const outcome of down) {
      expect(outcome.status).toBe(200);
      expect(outcome.codes.length).toBeGreaterThan(0);
      expect(new Set(outcome.codes)).toEqual(new Set(['PROVIDER_UNAVAILABLE']));
      expect(outcome.messages[0]).toMatch(/^The inventory service is unavailable/);
      // The fields other subgraphs own are there; inventory's are null.
      const products = (outcome.data as { topProducts: Record<string, unknown>[] }).topProducts;
      expect(products.map((p) => p['name'])).toEqual(['Table', 'Couch', 'Glass', 'Chair', 'TV']);
      expect(products.every((p) => p['inStock'] === null && p['shippingEstimate'] === null)).toBe(true);
    }
    expect(outcomes.every((o) => o.status !== 0 && o.status < 500)).toBe(true);
    expect(codes).not.toContain('INTERNAL');
    expect(recoveryMs).toBeLessThan(5000);
    const lastSecond = after.filter((o) => o.at > load.now() - 1000);
    expect(lastSecond.length).toBeGreaterThan(0);
    expect(lastSecond.every(complete)).toBe(true);
  }, 60_000);
});
