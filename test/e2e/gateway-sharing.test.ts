import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { composeTestSupergraph } from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type RunningBenchmarkSubgraphs,
  startBenchmarkSubgraphs,
} from '../bench/federation/benchmark-subgraphs.ts';

// GATEWAY_SHARING over real sockets: identical queries of one caller in flight together run once,
// identical subgraph fetches in flight are sent once, and never across callers, for mutations, or for
// answers with errors. The subgraphs hold each answer 150 ms so that requests sent together overlap.

const jwtSecret = randomBytes(32).toString('base64url');
const internalSecret = randomBytes(32).toString('base64url');
let subgraphs: RunningBenchmarkSubgraphs;
let sharing: RunningGateway;
let unshared: RunningGateway;
const workspace = randomUUID();
const tokens: Record<'alice' | 'bob' | 'otherWorkspace', string> = { alice: '', bob: '', otherWorkspace: '' };

const start = (supergraphSdl: string, GATEWAY_SHARING: string) =>
  startGateway(
    parseGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: internalSecret,
      GATEWAY_SHARING,
    }),
    { supergraphSdl, logDestination: new PassThrough().resume() },
  );

beforeAll(async () => {
  subgraphs = await startBenchmarkSubgraphs({ extended: true, cacheAnswers: false, delayMs: 150 });
  const supergraphSdl = composeTestSupergraph(
    Object.entries(subgraphs.sdl).map(([name, sdl]) => ({
      name,
      sdl,
      graphqlUrl: subgraphs.urls[name as keyof typeof subgraphs.urls],
    })),
  );
  [sharing, unshared] = await Promise.all([start(supergraphSdl, 'on'), start(supergraphSdl, 'off')]);
  tokens.alice = await issueToken({ secret: jwtSecret, workspaceId: workspace, userId: randomUUID() });
  tokens.bob = await issueToken({ secret: jwtSecret, workspaceId: workspace, userId: randomUUID() });
  tokens.otherWorkspace = await issueToken({
    secret: jwtSecret,
    workspaceId: randomUUID(),
    userId: randomUUID(),
  });
});

afterAll(async () => {
  await Promise.all([sharing?.close(), unshared?.close()]);
  await subgraphs?.close();
});

beforeEach(() => subgraphs.resetCounts());

async function ask(gateway: RunningGateway, token: string, query: string) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: await response.text(),
  };
}

const together = <T>(count: number, send: () => Promise<T>) =>
  Promise.all(Array.from({ length: count }, send));

async function sharedRequestsCounted(gateway: RunningGateway): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('ionflux_gateway_shared_requests_total'));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

const PRODUCTS = '{ topProducts(first: 2) { upc name inStock } }';

describe('GATEWAY_SHARING=on (the default)', () => {
  it('runs identical queries of one caller in flight together once and gives each the same answer, counted in metrics', async () => {
    const before = await sharedRequestsCounted(sharing);
    const answers = await together(5, () => ask(sharing, tokens.alice, PRODUCTS));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(answers[0]?.body ?? '')).toEqual({
      data: {
        topProducts: [
          { upc: '1', name: 'Table', inStock: true },
          { upc: '2', name: 'Couch', inStock: false },
        ],
      },
    });
    expect(subgraphs.counts()).toMatchObject({ products: 1, inventory: 1 });
    // Each response is its own: its own request id.
    expect(new Set(answers.map((a) => a.requestId)).size).toBe(5);
    expect((await sharedRequestsCounted(sharing)) - before).toBe(4);
  });

  it('never shares between users of one workspace, nor between workspaces', async () => {
    await Promise.all([
      ask(sharing, tokens.alice, PRODUCTS),
      ask(sharing, tokens.bob, PRODUCTS),
      ask(sharing, tokens.otherWorkspace, PRODUCTS),
    ]);
    expect(subgraphs.counts()).toMatchObject({ products: 3, inventory: 3 });
  });

  it('never shares mutations: each identical mutation in flight runs', async () => {
    const answers = await together(3, () => ask(sharing, tokens.alice, 'mutation { bump }'));
    const bumps = answers.map((a) => (JSON.parse(a.body) as { data: { bump: number } }).data.bump);
    expect(new Set(bumps).size).toBe(3);
    expect(subgraphs.counts().accounts).toBe(3);
  });

  it('does not share an answer with errors: each request runs on its own and gets its own request id', async () => {
    const answers = await together(3, () => ask(sharing, tokens.alice, '{ users { id email } }'));
    for (const answer of answers) {
      const body = JSON.parse(answer.body) as { errors: { extensions: { requestId?: string } }[] };
      expect(body.errors[0]?.extensions.requestId).toBe(answer.requestId);
    }
    // The first, then the others on their own (whose identical fetch, in flight together, may be sent once).
    expect(subgraphs.counts().accounts).toBeGreaterThanOrEqual(2);
  });

  it('sends an identical subgraph fetch of two different queries in flight once', async () => {
    const [first, second] = await Promise.all([
      ask(sharing, tokens.alice, '{ topProducts(first: 2) { upc inStock } }'),
      ask(sharing, tokens.alice, '{ topProducts(first: 2) { upc name inStock } }'),
    ]);
    expect(JSON.parse(first?.body ?? '').data.topProducts[1]).toEqual({ upc: '2', inStock: false });
    expect(JSON.parse(second?.body ?? '').data.topProducts[1]).toEqual({
      upc: '2',
      name: 'Couch',
      inStock: false,
    });
    // Two root fetches (their selections differ), one inventory fetch (same representations and fields).
    expect(subgraphs.counts()).toMatchObject({ products: 2, inventory: 1 });
  });
});

describe('GATEWAY_SHARING=off', () => {
  it('runs every identical query and fetch', async () => {
    const answers = await together(5, () => ask(unshared, tokens.alice, PRODUCTS));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(subgraphs.counts()).toMatchObject({ products: 5, inventory: 5 });
    expect(await sharedRequestsCounted(unshared)).toBe(0);
  });
});
