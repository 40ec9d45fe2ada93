import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { connectDatabase, type DatabaseHandle } from '@ionflux/kit/db';
import { createPostgresEventBus, type EventBus } from '@ionflux/kit/events';
import {
  createIdentitySigner,
  deriveIdentityKeyPair,
  IDENTITY_HEADER,
  IDENTITY_ISSUER,
  identityKeyId,
} from '@ionflux/kit/identity';
import { createLogger } from '@ionflux/kit/logging';
import { notifyConnectionStatus } from '@ionflux/kit/notifications';
import { shopifyProvider } from '@ionflux/shopify/registration';
import { postGraphQL } from '@ionflux/testing/http';
import { connectWs, eventually, subscribeSse, subscribeWs } from '@ionflux/testing/subscriptions';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';
import { type Client, createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

let system: SystemUnderTest;
let database: DatabaseHandle;
let bus: EventBus;
const clients: Client[] = [];
beforeAll(async () => {
  system = await startSystem();
  database = connectDatabase(system.databaseUrl, { maxConnections: 2 });
  bus = await createPostgresEventBus({
    sql: database.sql,
    logger: createLogger({ service: 'caller-identity-e2e', level: 'silent' }),
  });
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await bus?.close();
  await database?.close();
  await system?.stop();
});

const QUERY = '{ llmProviders { id } }';
const NOTIFICATIONS = /* GraphQL */ `
  subscription { workspaceNotifications { kind title connectionId } }
`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A caller token signed with the gateway's JWT secret, with exactly these claims. */
function callerToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ sub: randomUUID(), workspace_id: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(system.jwtSecret));
}

async function wsCloseCode(token: string): Promise<number | undefined> {
  const client = connectWs(system.gatewayUrl, token);
  clients.push(client);
  const ended = (await subscribeWs(client, NOTIFICATIONS).ended) as { code?: number };
  return ended.code;
}

describe('caller JWTs', () => {
  it('refuses a token without exp over HTTP (401), graphql-ws (4401) and SSE (401)', async () => {
    const token = await callerToken({ iat: nowSeconds() });
    const { status, body } = await postGraphQL(system.gatewayUrl, QUERY, { token });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Authentication failed: the token has no expiry (exp); tokens must expire.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await wsCloseCode(token)).toBe(4401);
    const sse = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: NOTIFICATIONS }),
    });
    expect(sse.status).toBe(401);
    await sse.body?.cancel();
  });

  it('refuses a token that lives longer than IONFLUX_JWT_MAX_LIFETIME (24 h by default), over HTTP and graphql-ws', async () => {
    const token = await callerToken({ iat: nowSeconds(), exp: nowSeconds() + 30 * 86_400 });
    const { status, body } = await postGraphQL(system.gatewayUrl, QUERY, { token });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toMatch(/lives longer than the 1 d this gateway accepts/);
    expect(await wsCloseCode(token)).toBe(4401);
    // A token of exactly the maximum is served.
    const day = await callerToken({ iat: nowSeconds(), exp: nowSeconds() + 86_400 });
    expect((await postGraphQL(system.gatewayUrl, QUERY, { token: day })).status).toBe(200);
  });

  describe('with IONFLUX_JWT_AUDIENCE and a shorter IONFLUX_JWT_MAX_LIFETIME', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway(
        parseGatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          IONFLUX_JWT_SECRET: system.jwtSecret,
          IONFLUX_JWT_AUDIENCE: 'ionflux-api',
          IONFLUX_JWT_MAX_LIFETIME: '1h',
          IONFLUX_INTERNAL_SECRET: system.internalSecret,
          LLM_SUBGRAPH_URL: system.subgraphs.llm.graphqlUrl,
          SHOPIFY_SUBGRAPH_URL: system.subgraphs.shopify.graphqlUrl,
          TIKTOK_SUBGRAPH_URL: system.subgraphs.tiktok.graphqlUrl,
        }),
      );
    });
    afterAll(async () => {
      await gateway?.close();
    });
    const tokenWith = (options: { audience?: string; expiresIn?: string }) =>
      issueToken({
        secret: system.jwtSecret,
        workspaceId: randomUUID(),
        userId: randomUUID(),
        expiresIn: '30m',
        ...options,
      });

    it('refuses a token without aud or for another audience, and serves one for it', async () => {
      for (const token of [await tokenWith({}), await tokenWith({ audience: 'another-api' })]) {
        const { status, body } = await postGraphQL(gateway.url, QUERY, { token });
        expect(status).toBe(401);
        expect(body.errors?.[0]?.message).toMatch(/not addressed to this gateway \(aud\)/);
      }
      const { status, body } = await postGraphQL(gateway.url, QUERY, {
        token: await tokenWith({ audience: 'ionflux-api' }),
      });
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    });

    it('refuses a two-hour token when an hour is the maximum', async () => {
      const { status, body } = await postGraphQL(gateway.url, QUERY, {
        token: await tokenWith({ audience: 'ionflux-api', expiresIn: '2h' }),
      });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.message).toMatch(/lives longer than the 1 h this gateway accepts/);
    });
  });
});

describe('the identity forwarded to subgraphs', () => {
  const names = ['llm', 'shopify', 'tiktok'] as const;
  const caller = () => ({ workspaceId: randomUUID(), userId: randomUUID() });

  it.each(
    names.flatMap((target) =>
      names.filter((other) => other !== target).map((other) => [target, other] as const),
    ),
  )('%s refuses an identity the gateway signed for %s (401)', async (target, other) => {
    const identity = createIdentitySigner(system.internalSecret).sign(caller(), other);
    const { status, body } = await postGraphQL(system.subgraphs[target].graphqlUrl, '{ __typename }', {
      headers: { [IDENTITY_HEADER]: identity },
    });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('identity signature addressed to another subgraph'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // The same identity addressed to it is served.
    const own = createIdentitySigner(system.internalSecret).sign(caller(), target);
    const served = await postGraphQL(system.subgraphs[target].graphqlUrl, '{ __typename }', {
      headers: { [IDENTITY_HEADER]: own },
    });
    expect(served.status).toBe(200);
  });

  it('refuses what a subgraph holding only the public key could make: its own Ed25519 key under the gateway key id, or HS256 with the internal secret', async () => {
    const gatewayKey = deriveIdentityKeyPair(system.internalSecret).publicKey;
    const claims = { ...caller(), aud: 'llm', iss: IDENTITY_ISSUER };
    const forged = [
      await new SignJWT({ wid: claims.workspaceId, aud: 'llm' })
        .setProtectedHeader({ alg: 'EdDSA', kid: identityKeyId(gatewayKey) })
        .setSubject(claims.userId)
        .setIssuer(IDENTITY_ISSUER)
        .setExpirationTime('1m')
        .sign(generateKeyPairSync('ed25519').privateKey),
      await new SignJWT({ wid: claims.workspaceId, aud: 'llm' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.userId)
        .setIssuer(IDENTITY_ISSUER)
        .setExpirationTime('1m')
        .sign(new TextEncoder().encode(system.internalSecret)),
    ];
    for (const identity of forged) {
      const { status } = await postGraphQL(system.subgraphs.llm.graphqlUrl, '{ llmProviders { id } }', {
        headers: { [IDENTITY_HEADER]: identity },
      });
      expect(status).toBe(401);
    }
  });

  it('closes a graphql-ws connection to a subgraph with an identity for another subgraph (4401)', async () => {
    const client = createClient({
      url: system.subgraphs.shopify.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: {
        [IDENTITY_HEADER]: createIdentitySigner(system.internalSecret).sign(caller(), 'llm'),
      },
    });
    clients.push(client);
    const ended = (await subscribeWs(client, NOTIFICATIONS).ended) as { code?: number };
    expect(ended.code).toBe(4401);
  });
});

describe('workspace and user ids written in capitals', () => {
  it('land in the same workspace as their lower-case form: its notifications reach a subscriber whose token is in capitals', async () => {
    const upper = await system.tokenFor(system.workspaceId.toUpperCase(), system.userId.toUpperCase());
    const client = connectWs(system.gatewayUrl, upper);
    clients.push(client);
    const ws = subscribeWs(client, NOTIFICATIONS);
    const sse = subscribeSse(system.gatewayUrl, upper, NOTIFICATIONS);
    await eventually(() => system.gateway.subscriptions.stats().subscribers >= 2, 10_000, 'subscribers');
    // Both share one upstream subscription: one workspace, whatever the case of the token.
    expect(system.gateway.subscriptions.stats().upstreamSubscriptions).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const connectionId = randomUUID();
    await notifyConnectionStatus(
      { sql: database.sql, bus },
      {
        workspaceId: system.workspaceId,
        provider: shopifyProvider,
        connectionId,
        accountLabel: 'capitals.myshopify.com',
        status: 'NEEDS_REAUTH',
      },
    );
    for (const subscription of [ws, sse]) {
      const [first] = await subscription.waitForResults(1, 10_000);
      expect(first?.data).toEqual({
        workspaceNotifications: {
          kind: 'CONNECTION_NEEDS_REAUTH',
          title: expect.stringContaining('capitals.myshopify.com'),
          connectionId,
        },
      });
    }
    ws.unsubscribe();
    sse.unsubscribe();

    // And what the upper-case caller reads is the lower-case workspace's.
    const { body } = await postGraphQL<{ workspaceNotifications: { connectionId: string }[] }>(
      system.gatewayUrl,
      '{ workspaceNotifications { connectionId } }',
      { token: upper },
    );
    expect(body.data?.workspaceNotifications.map((n) => n.connectionId)).toContain(connectionId);
  });
});
