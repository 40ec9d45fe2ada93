import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from './graphql-handler.ts';

let server: Server;
let url: string;
let apollo: ApolloServer<{ caller: string }>;
beforeAll(async () => {
  apollo = new ApolloServer<{ caller: string }>({
    typeDefs: 'type Query { caller: String! echo(text: String!): String! }',
    resolvers: { Query: { caller: (_p, _a, context) => context.caller, echo: (_p, { text }) => text } },
  });
  await apollo.start();
  const handler = createGraphQLHandler(apollo, {
    maxBodyBytes: 1024,
    context: async (req) => ({ caller: String(req.headers['x-caller'] ?? 'nobody') }),
  });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('createGraphQLHandler', () => {
  it('runs a POSTed operation with the context built from the request', async () => {
    const response = await post(JSON.stringify({ query: '{ caller }' }), { 'x-caller': 'ada' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { caller: 'ada' } });
  });

  it('runs a query sent by GET', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ echo(text: "hi") }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { echo: 'hi' } });
  });

  it('answers a body that is not JSON with 400 INVALID_REQUEST', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'INVALID_REQUEST' } }],
    });
  });

  it('refuses a body over the limit with 413 INVALID_REQUEST, without reading it', async () => {
    const response = await post(JSON.stringify({ query: `{ echo(text: "${'x'.repeat(2000)}") }` }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('INVALID_REQUEST');
    expect(body.errors[0]?.message).toMatch(/larger than 1024 bytes/);
  });

  it('leaves a body of another content type to Apollo, which refuses it', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ caller }',
    });
    expect(response.status).toBe(400);
  });
});
