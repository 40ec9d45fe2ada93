import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import type { RunningSubgraph } from '@ionflux/kit/server';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { parseShopifyConfig, startShopifySubgraph } from '@ionflux/shopify';
import { parseTikTokConfig, startTikTokSubgraph } from '@ionflux/tiktok';
import { createTestDatabase } from '../database/test-database.ts';

export interface SystemUnderTest {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: { llm: RunningSubgraph; shopify: RunningSubgraph; tiktok: RunningSubgraph };
  databaseUrl: string;
  jwtSecret: string;
  /** The gateway's `IONFLUX_INTERNAL_SECRET`; the subgraphs hold only the public key derived from it. */
  internalSecret: string;
  /** A token for the default test workspace and user. */
  token: string;
  workspaceId: string;
  userId: string;
  /** A token for any workspace and user. */
  tokenFor(workspaceId: string, userId?: string): Promise<string>;
  /** Every log line written so far, by every service (to check what never reaches logs). */
  logs(): string;
  stop(): Promise<void>;
}

/** A crontab that never fires. */
const NEVER = '0 0 31 2 *';

/**
 * Starts the real system in this process on free ports: the three subgraphs on a fresh database,
 * then the gateway routed to them. What a user meets, minus the process boundaries. As in production,
 * only the gateway gets `IONFLUX_INTERNAL_SECRET`; subgraphs get `IONFLUX_IDENTITY_PUBLIC_KEY`. With
 * `ADMIN_PORT: '0'` every service serves `/readyz` and `/metrics` on an admin port of its own.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<SystemUnderTest> {
  const database = await createTestDatabase();
  const jwtSecret = randomBytes(32).toString('base64url');
  const internalSecret = randomBytes(32).toString('base64url');
  const captured: string[] = [];
  const logDestination = new PassThrough();
  logDestination.on('data', (chunk: Buffer) => captured.push(chunk.toString('utf8')));
  const base = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    IONFLUX_MASTER_KEY: generateMasterKey('test-1'),
    // Tests count the simulators' requests and compare rows: the scheduled reconciliations, subscription
    // checks and token refreshes (every 10 to 30 minutes) would add their own whenever a run crosses the
    // hour's quarter. February 31st never comes; a test of a schedule sets its own.
    SHOPIFY_SYNC_CRON: NEVER,
    SHOPIFY_WEBHOOKS_RECONCILE_CRON: NEVER,
    TIKTOK_REFRESH_CRON: NEVER,
    ...env,
  };
  const subgraphBase = { IONFLUX_IDENTITY_PUBLIC_KEY: identityPublicKeyFor(internalSecret), ...base };
  const [llm, shopify, tiktok] = await Promise.all([
    startLlmSubgraph(parseLlmConfig({ ...subgraphBase, LLM_SUBGRAPH_PORT: '0' }), { logDestination }),
    startShopifySubgraph(parseShopifyConfig({ ...subgraphBase, SHOPIFY_SUBGRAPH_PORT: '0' }), {
      logDestination,
    }),
    startTikTokSubgraph(parseTikTokConfig({ ...subgraphBase, TIKTOK_SUBGRAPH_PORT: '0' }), {
      logDestination,
    }),
  ]);
  const gateway = await startGateway(
    parseGatewayConfig({
      ...base,
      // A test that must know the public URL before the subgraphs start (OAuth callbacks) picks the port.
      PORT: env['PORT'] ?? '0',
      IONFLUX_INTERNAL_SECRET: internalSecret,
      IONFLUX_JWT_SECRET: jwtSecret,
      LLM_SUBGRAPH_URL: llm.graphqlUrl,
      SHOPIFY_SUBGRAPH_URL: shopify.graphqlUrl,
      TIKTOK_SUBGRAPH_URL: tiktok.graphqlUrl,
      LLM_SUBGRAPH_ADMIN_URL: llm.adminUrl,
      SHOPIFY_SUBGRAPH_ADMIN_URL: shopify.adminUrl,
      TIKTOK_SUBGRAPH_ADMIN_URL: tiktok.adminUrl,
    }),
    { logDestination },
  );
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const tokenFor = (workspace: string, user: string = randomUUID()) =>
    issueToken({ secret: jwtSecret, workspaceId: workspace, userId: user });
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs: { llm, shopify, tiktok },
    databaseUrl: database.url,
    jwtSecret,
    internalSecret,
    token: await tokenFor(workspaceId, userId),
    workspaceId,
    userId,
    tokenFor,
    logs: () => captured.join(''),
    async stop() {
      await gateway.close();
      await Promise.all([llm.close(), shopify.close(), tiktok.close()]);
      await database.drop();
    },
  };
}
