import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createIdentitySigner,
  createIdentityVerifier,
  deriveIdentityKeyPair,
  IDENTITY_HEADER,
  type Identity,
} from '../identity/index.ts';
import { createLogger } from '../logging/index.ts';
import { mountSubgraphSubscriptions, type SubgraphSubscriptions } from './mount-subgraph-subscriptions.ts';

const secret = 's'.repeat(48);
const identity: Identity = {
  userId: '0d919aca-0a08-4515-8d8f-5dcee1aef50a',
  workspaceId: '32651dbd-9eab-4c5d-a3d3-7d2d8c6af53e',
  requestId: 'req-1',
};
const typeDefs = parse(/* GraphQL */ `
  type Query { ok: Boolean }
  type Subscription { whoAmI: String! }
`);
const resolvers = {
  Subscription: {
    whoAmI: {
      subscribe: async function* (_: unknown, __: unknown, context: { identity: Identity }) {
        yield { whoAmI: context.identity.workspaceId };
      },
    },
  },
};

const httpServer = createServer();
let subscriptions: SubgraphSubscriptions;
let url: string;
beforeAll(async () => {
  subscriptions = mountSubgraphSubscriptions(httpServer, {
    schema: buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]),
    identityVerifier: createIdentityVerifier({
      audience: 'orders',
      publicKeys: [deriveIdentityKeyPair(secret).publicKey],
    }),
    logger: createLogger({ service: 'test', level: 'silent' }),
    createContext: (verified) => ({ identity: verified }),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await subscriptions.close();
  await new Promise((resolve) => httpServer.close(resolve));
});

function connect(connectionParams: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams });
}

function firstOutcome(client: Client): Promise<{ data?: unknown; error?: unknown }> {
  return new Promise((resolve) => {
    client.subscribe(
      { query: 'subscription { whoAmI }' },
      {
        next: (result) => resolve({ data: result.data }),
        error: (error) => resolve({ error }),
        complete: () => {},
      },
    );
  });
}

describe('mountSubgraphSubscriptions', () => {
  it('serves a connection carrying the gateway-signed identity, resolving with it', async () => {
    const client = connect({ [IDENTITY_HEADER]: createIdentitySigner(secret).sign(identity, 'orders') });
    expect(await firstOutcome(client)).toEqual({ data: { whoAmI: identity.workspaceId } });
    await client.dispose();
  });

  it.each([
    ['no identity', async () => ({})],
    [
      'an identity signed with another secret',
      async () => ({ [IDENTITY_HEADER]: createIdentitySigner('t'.repeat(48)).sign(identity, 'orders') }),
    ],
    [
      'an identity the gateway signed for another subgraph',
      async () => ({ [IDENTITY_HEADER]: createIdentitySigner(secret).sign(identity, 'catalog') }),
    ],
  ])('closes a connection with %s with 4401', async (_name, params) => {
    const client = connect(await params());
    const outcome = await firstOutcome(client);
    expect((outcome.error as { code?: number }).code).toBe(4401);
    await client.dispose();
  });

  it('answers upgrades on other paths with 404', async () => {
    const socket = new WebSocket(url.replace('/graphql', '/other'), 'graphql-transport-ws');
    const status = await new Promise<number | undefined>((resolve) =>
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode)),
    );
    expect(status).toBe(404);
  });
});
