import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { INTERNAL_ERROR_MESSAGE, IntegrationError } from '@ionflux/kit/errors';
import { createIdentitySigner, IDENTITY_HEADER, identityPublicKeyFor } from '@ionflux/kit/identity';
import { postGraphQL } from '@ionflux/testing/http';
import {
  composeTestSupergraph,
  type RunningTestSubgraph,
  startTestSubgraph,
  type TestSubgraphContext,
} from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What an INTERNAL error tends to carry: a Vault path, a table, a key id.
const LEAK =
  'Vault read of secret/data/ionflux/master-keys failed (table kit.connection_credentials, key id k-prod-7)';
const LEAKED_PARTS = ['secret/data', 'connection_credentials', 'k-prod-7'];

const VAULT_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    vaultStatus: String
    unexpectedFailure: String
  }
`;
const LEGACY_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    legacyStatus: String
  }
`;

const internalSecret = randomBytes(32).toString('base64url');
const jwtSecret = randomBytes(32).toString('base64url');
const logLines: string[] = [];
const logDestination = new PassThrough();
logDestination.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
let vault: RunningTestSubgraph;
let legacy: Server;
let gateway: RunningGateway;
let token: string;

beforeAll(async () => {
  vault = await startTestSubgraph(
    'vault',
    VAULT_SDL,
    {
      Query: {
        vaultStatus: () => {
          throw new IntegrationError('INTERNAL', LEAK, { details: { table: 'kit.connection_credentials' } });
        },
        unexpectedFailure: () => {
          throw new Error(`relation "kit.secret_table" does not exist (${LEAK})`);
        },
      },
    } as unknown as GraphQLResolverMap<TestSubgraphContext>,
    identityPublicKeyFor(internalSecret),
    { logDestination },
  );
  // A subgraph that relays its errors unmasked (another team's, or one not yet upgraded): the gateway
  // is the last line.
  legacy = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: { legacyStatus: null },
          errors: [
            { message: LEAK, path: ['legacyStatus'], extensions: { code: 'INTERNAL', keyId: 'k-prod-7' } },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
  const legacyUrl = `http://127.0.0.1:${(legacy.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway(
    parseGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: internalSecret,
    }),
    {
      logDestination,
      supergraphSdl: composeTestSupergraph([
        { name: 'vault', sdl: VAULT_SDL, graphqlUrl: vault.graphqlUrl },
        { name: 'legacy', sdl: LEGACY_SDL, graphqlUrl: legacyUrl },
      ]),
      subgraphUrls: { vault: vault.graphqlUrl, legacy: legacyUrl },
    },
  );
  token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
});
afterAll(async () => {
  await gateway?.close();
  await vault?.close();
  legacy?.closeAllConnections();
  await new Promise((resolve) => legacy?.close(resolve));
});

function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  for (const part of LEAKED_PARTS) expect(text).not.toContain(part);
}

describe('an INTERNAL error', () => {
  it('raised in a subgraph as IntegrationError reaches the client through the gateway with the fixed message and its request id', async () => {
    const requestId = `req-${randomUUID()}`;
    const { status, body } = await postGraphQL(gateway.url, '{ vaultStatus }', {
      token,
      headers: { 'x-request-id': requestId },
    });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: INTERNAL_ERROR_MESSAGE,
        path: ['vaultStatus'],
        extensions: { code: 'INTERNAL', requestId },
      },
    ]);
    expectNoLeak(body);
    // The original is in the subgraph's log, under the same request id.
    const logged = logLines
      .join('')
      .split('\n')
      .find((line) => line.includes('secret/data/ionflux'));
    expect(logged).toContain('"service":"vault"');
  });

  it('is masked by the subgraph itself when it is called directly', async () => {
    const identity = createIdentitySigner(internalSecret).sign(
      { workspaceId: randomUUID(), userId: randomUUID() },
      'vault',
    );
    const { status, body } = await postGraphQL(vault.graphqlUrl, '{ vaultStatus }', {
      headers: { [IDENTITY_HEADER]: identity, 'x-request-id': 'req-direct-1' },
    });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: INTERNAL_ERROR_MESSAGE,
        path: ['vaultStatus'],
        extensions: { code: 'INTERNAL', requestId: 'req-direct-1' },
      },
    ]);
  });

  it('relayed unmasked by a subgraph is masked by the gateway, which logs the original', async () => {
    const { status, body } = await postGraphQL(gateway.url, '{ legacyStatus }', { token });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: INTERNAL_ERROR_MESSAGE,
        path: ['legacyStatus'],
        extensions: { code: 'INTERNAL', requestId: expect.any(String) },
      },
    ]);
    expectNoLeak(body);
    expect(logLines.join('')).toMatch(/"service":"gateway".*secret\/data\/ionflux\/master-keys/);
  });

  it('from an unexpected throw is masked the same way', async () => {
    const { body } = await postGraphQL(gateway.url, '{ unexpectedFailure }', { token });
    expect(body.errors?.[0]).toMatchObject({
      message: INTERNAL_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL' },
    });
    expectNoLeak(body);
    expect(JSON.stringify(body)).not.toContain('secret_table');
  });
});
