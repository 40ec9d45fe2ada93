import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { ErrorCode } from '@ionflux/kit/errors';
import { composeTestSupergraph } from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningBenchmarkSubgraphs,
  startBenchmarkSubgraphs,
} from '../bench/federation/benchmark-subgraphs.ts';
import { benchmarkQuery } from '../bench/federation/workload.ts';

// The answers of this gateway's compiled executor compared with stock Apollo Gateway's (in Apollo Server,
// defaults) and with this gateway on Apollo's own executor (GATEWAY_EXECUTOR=apollo), on the public
// federation benchmark's subgraphs extended with an interface, a union and failing fields. Byte for byte:
// every answer against Apollo's executor in this gateway; against stock Apollo, the whole answer when it
// has no errors, else its data and its errors' paths (this gateway masks and recodes error messages).

interface Case {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const cases: Record<string, Case> = {
  'the benchmark TestQuery': { query: benchmarkQuery },
  '@requires (shippingEstimate from price and weight)': {
    query: '{ topProducts(first: 9) { upc shippingEstimate price } }',
  },
  '@requires under an alias, inside a fragment': {
    query: '{ topProducts { ... on Product { estimate: shippingEstimate } upc } }',
  },
  '@provides (the author username reviews provides, no accounts fetch)': {
    query: '{ users { id reviews { id author { username } } } }',
  },
  '@provides beside a field it does not provide': {
    query: '{ topProducts(first: 2) { reviews { author { username name birthday } } } }',
  },
  'an interface, fields of each implementation through entity fetches': {
    query:
      '{ merchandise { __typename upc name ... on Product { price inStock shippingEstimate reviews { id body } } ... on GiftCard { amount } } }',
  },
  'a union with inline fragments': {
    query:
      '{ featured { __typename ... on GiftCard { upc amount } ... on Product { upc name inStock shippingEstimate } } }',
  },
  'a named fragment on an interface': {
    query:
      'query Catalog { merchandise { ...Item } } fragment Item on Merchandise { name ... on Product { weight reviews { author { name } } } }',
  },
  'a nullable field failing with a code, inside an entity fetch': {
    query: '{ topProducts { upc reviews { id flaky } } }',
  },
  'a non-null field returning null: null propagation inside an entity fetch': {
    query: '{ topProducts { upc reviews { id rating body } } }',
  },
  'a non-null field returning null in a root list': { query: '{ users { id email name } }' },
  'a non-null root field failing: data becomes null': { query: '{ me { id } broken { id } }' },
  'an uncoded subgraph error in an entity fetch with @requires beside it': {
    query: '{ topProducts(first: 4) { upc warehouse shippingEstimate } }',
  },
  'errors in entity fetches to one subgraph that start together (sent as one request)': {
    query:
      '{ topProducts(first: 4) { upc warehouse reviews { flaky author { reviews { product { upc warehouse inStock } } } } } merchandise { ... on Product { warehouse inStock } } }',
  },
  'variables, @include and @skip': {
    query:
      'query ($id: ID!, $withName: Boolean!, $skipReviews: Boolean = false) { user(id: $id) { id name @include(if: $withName) reviews @skip(if: $skipReviews) { id product { name } } } }',
    variables: { id: '2', withName: true },
  },
  '@skip with a variable set, a literal @include': {
    query:
      'query ($skipReviews: Boolean) { me { id name @include(if: false) reviews @skip(if: $skipReviews) { id } } }',
    variables: { skipReviews: true },
  },
  'aliases, the same field twice with different arguments': {
    query: '{ a: topProducts(first: 2) { upc n: name } b: topProducts(first: 1) { upc price name n: name } }',
  },
  '__typename, aliased and not, at every level': {
    query:
      '{ __typename users { __typename t: __typename id reviews { kind: __typename product { __typename } } } }',
  },
  'an unknown entity: null, its subfields never fetched': {
    query: '{ user(id: "99") { id name reviews { id } } }',
  },
  'one operation of several, by name': {
    query: 'query A { me { id } } query B { topProducts(first: 1) { upc reviews { id } } }',
    operationName: 'B',
  },
  'a missing required variable': { query: 'query ($id: ID!) { user(id: $id) { id } }' },
  'a variable of the wrong type': {
    query: 'query ($first: Int) { topProducts(first: $first) { upc } }',
    variables: { first: 'five' },
  },
};

const jwtSecret = randomBytes(32).toString('base64url');
const internalSecret = randomBytes(32).toString('base64url');
let subgraphs: RunningBenchmarkSubgraphs;
let stockApollo: { url: string; stop(): Promise<void> };
let compiled: RunningGateway;
let apolloExecutor: RunningGateway;
let unshared: RunningGateway;
let token: string;

const startOurs = (supergraphSdl: string, env: Record<string, string>) =>
  startGateway(
    parseGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: internalSecret,
      ...env,
    }),
    { supergraphSdl, logDestination: new PassThrough().resume() },
  );

beforeAll(async () => {
  subgraphs = await startBenchmarkSubgraphs({ extended: true, cacheAnswers: false });
  const supergraphSdl = composeTestSupergraph(
    Object.entries(subgraphs.sdl).map(([name, sdl]) => ({
      name,
      sdl,
      graphqlUrl: subgraphs.urls[name as keyof typeof subgraphs.urls],
    })),
  );
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  stockApollo = { url, stop: () => server.stop() };
  [compiled, apolloExecutor, unshared] = await Promise.all([
    startOurs(supergraphSdl, { GATEWAY_EXECUTOR: 'compiled' }),
    startOurs(supergraphSdl, { GATEWAY_EXECUTOR: 'apollo' }),
    startOurs(supergraphSdl, { GATEWAY_EXECUTOR: 'compiled', GATEWAY_SHARING: 'off' }),
  ]);
  token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
});

afterAll(async () => {
  await Promise.all([compiled?.close(), apolloExecutor?.close(), unshared?.close(), stockApollo?.stop()]);
  await subgraphs?.close();
});

async function ask(url: string, request: Case) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  // The id of each request (in INTERNAL errors) is its own: the only bytes allowed to differ.
  const body = (await response.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  return { status: response.status, body };
}

interface Answer {
  data?: unknown;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
}

describe('the compiled executor answers as Apollo Gateway does', () => {
  for (const [name, request] of Object.entries(cases)) {
    it(name, async () => {
      const [stock, ours, reference, oursUnshared] = await Promise.all([
        ask(stockApollo.url, request),
        ask(compiled.graphqlUrl, request),
        ask(apolloExecutor.graphqlUrl, request),
        ask(unshared.graphqlUrl, request),
      ]);
      // This gateway on either executor, sharing on or off: the same bytes.
      expect(ours).toEqual(reference);
      expect(oursUnshared).toEqual(reference);
      expect(ours.status).toBe(stock.status);
      const stockAnswer = JSON.parse(stock.body) as Answer;
      const ourAnswer = JSON.parse(ours.body) as Answer;
      if (!stockAnswer.errors) {
        expect(ours.body).toBe(stock.body);
        return;
      }
      expect(JSON.stringify(ourAnswer.data)).toBe(JSON.stringify(stockAnswer.data));
      expect(ourAnswer.errors?.map((error) => error.path)).toEqual(
        stockAnswer.errors.map((error) => error.path),
      );
      ourAnswer.errors?.forEach((error, index) => {
        if (error.extensions?.code !== ErrorCode.INTERNAL) {
          expect(error.message).toBe(stockAnswer.errors?.[index]?.message);
        }
      });
    });
  }

  it('the benchmark answer is the full one (about 87 KB), with no errors, in fewer subgraph requests than 16', async () => {
    const sent = () => Object.values(subgraphs.counts()).reduce((sum, n) => sum + n, 0);
    const before = sent();
    const { status, body } = await ask(stockApollo.url, { query: benchmarkQuery });
    const byApollo = sent() - before;
    const ours = await ask(unshared.graphqlUrl, { query: benchmarkQuery });
    const byUs = sent() - before - byApollo;
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(80_000);
    expect((JSON.parse(body) as Answer).errors).toBeUndefined();
    expect(ours.body).toBe(body);
    expect(byApollo).toBe(16);
    // Entity fetches to one subgraph that start together are one request (how many do depends on timing).
    expect(byUs).toBeLessThan(16);
  });
});
