import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  issueToken,
  parseGatewayConfig,
  type RunningGateway,
  registerOperations,
  sha256Hex,
  startGateway,
} from '@ionflux/gateway';
import { composeTestSupergraph } from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningBenchmarkSubgraphs,
  startBenchmarkSubgraphs,
} from '../bench/federation/benchmark-subgraphs.ts';

// Trusted documents over real sockets: APQ (Apollo's automatic persisted queries) on a gateway with a
// manifest, and the safelist mode that executes registered operations only.

const REGISTERED = 'query TopProducts { topProducts(first: 2) { upc name inStock } }\n';
const UNREGISTERED = '{ users { id name } }';
const jwtSecret = randomBytes(32).toString('base64url');
const internalSecret = randomBytes(32).toString('base64url');
let directory: string;
let subgraphs: RunningBenchmarkSubgraphs;
let apq: RunningGateway;
let safelist: RunningGateway;
let token: string;
const logs: string[] = [];

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ionflux-trusted-'));
  subgraphs = await startBenchmarkSubgraphs({ extended: true });
  const supergraphSdl = composeTestSupergraph(
    Object.entries(subgraphs.sdl).map(([name, sdl]) => ({
      name,
      sdl,
      graphqlUrl: subgraphs.urls[name as keyof typeof subgraphs.urls],
    })),
  );
  await writeFile(path.join(directory, 'top-products.graphql'), REGISTERED);
  const registration = registerOperations(directory, supergraphSdl, undefined);
  if (!registration.ok) throw new Error(registration.problems.join('\n'));
  const manifest = path.join(directory, 'manifest.json');
  await writeFile(manifest, JSON.stringify(registration.manifest));
  const logDestination = new PassThrough();
  logDestination.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
  const start = (env: Record<string, string>) =>
    startGateway(
      parseGatewayConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        PORT: '0',
        IONFLUX_JWT_SECRET: jwtSecret,
        IONFLUX_INTERNAL_SECRET: internalSecret,
        GATEWAY_TRUSTED_DOCUMENTS: manifest,
        ...env,
      }),
      { supergraphSdl, logDestination },
    );
  [apq, safelist] = await Promise.all([start({}), start({ GATEWAY_SAFELIST: 'on' })]);
  token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
});

afterAll(async () => {
  await Promise.all([apq?.close(), safelist?.close()]);
  await subgraphs?.close();
  await rm(directory, { recursive: true, force: true });
});

async function send(gateway: RunningGateway, body: object) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

const byHash = (query: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } },
});
const topProducts = {
  topProducts: [
    { upc: '1', name: 'Table', inStock: true },
    { upc: '2', name: 'Couch', inStock: false },
  ],
};

describe('APQ (GATEWAY_TRUSTED_DOCUMENTS set, safelist off)', () => {
  it('answers an unknown hash with PersistedQueryNotFound (200, reason PERSISTED_QUERY_NOT_FOUND), then stores the document sent with it', async () => {
    const query = '{ me { id username } }';
    const unknown = await send(apq, byHash(query));
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'INVALID_REQUEST', reason: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    const registered = await send(apq, { query, ...byHash(query) });
    expect(registered.body).toEqual({ data: { me: { id: '1', username: 'urigo' } } });
    const known = await send(apq, byHash(query));
    expect(known.body).toEqual({ data: { me: { id: '1', username: 'urigo' } } });
  });

  it('refuses a document whose hash does not match the one sent', async () => {
    const answer = await send(apq, { query: '{ me { id } }', ...byHash('{ me { name } }') });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
  });

  it('serves a registered operation by its hash alone, planned at start', async () => {
    const answer = await send(apq, { ...byHash(REGISTERED), operationName: 'TopProducts' });
    expect(answer).toEqual({ status: 200, body: { data: topProducts } });
    expect(logs.join('')).toMatch(/"planned":1,"registered":1,"msg":"trusted operations planned"/);
  });

  it('still executes other documents', async () => {
    expect((await send(apq, { query: UNREGISTERED })).status).toBe(200);
  });
});

describe('safelist (GATEWAY_SAFELIST=on)', () => {
  it('executes a registered operation sent by hash or as its exact text', async () => {
    expect(await send(safelist, byHash(REGISTERED))).toEqual({ status: 200, body: { data: topProducts } });
    expect(await send(safelist, { query: REGISTERED })).toEqual({ status: 200, body: { data: topProducts } });
  });

  it('refuses an unregistered document with 403 FORBIDDEN before executing it', async () => {
    const before = subgraphs.counts().accounts;
    const answer = await send(safelist, { query: UNREGISTERED });
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OPERATION_NOT_REGISTERED',
    });
    expect(answer.body.errors?.[0]?.message).toContain('npm run operations:register');
    expect(answer.body.data).toBeUndefined();
    expect(subgraphs.counts().accounts).toBe(before);
  });

  it('refuses a registered text changed by one character (its hash differs)', async () => {
    const answer = await send(safelist, { query: REGISTERED.replace('first: 2', 'first: 3') });
    expect(answer.status).toBe(403);
  });

  it('cannot be bypassed through APQ: a document sent with its hash is refused, and so is the hash alone after', async () => {
    const registering = await send(safelist, { query: UNREGISTERED, ...byHash(UNREGISTERED) });
    expect(registering.status).toBe(403);
    const again = await send(safelist, byHash(UNREGISTERED));
    expect(again.status).toBe(403);
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses an unregistered document sent with GET', async () => {
    const response = await fetch(`${safelist.graphqlUrl}?query=${encodeURIComponent(UNREGISTERED)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(403);
  });
});

describe('npm run operations:register', () => {
  it('refuses, naming each file, an operation the schema does not have, a syntax error and a file with two operations', async () => {
    const bad = await mkdtemp(path.join(directory, 'bad-'));
    await writeFile(path.join(bad, 'unknown-field.graphql'), '{ topProducts { nope } }');
    await writeFile(path.join(bad, 'syntax.graphql'), '{ topProducts { ');
    await writeFile(path.join(bad, 'two.gql'), 'query A { me { id } } query B { me { name } }');
    const registration = registerOperations(bad, subgraphsSupergraph(), undefined);
    expect(registration.ok).toBe(false);
    const problems = registration.ok ? [] : registration.problems.join('\n');
    expect(problems).toMatch(/unknown-field\.graphql: Cannot query field "nope"/);
    expect(problems).toMatch(/syntax\.graphql: Syntax Error/);
    expect(problems).toMatch(/two\.gql: holds 2 operations/);
  });
});

function subgraphsSupergraph(): string {
  return composeTestSupergraph(
    Object.entries(subgraphs.sdl).map(([name, sdl]) => ({
      name,
      sdl,
      graphqlUrl: subgraphs.urls[name as keyof typeof subgraphs.urls],
    })),
  );
}
