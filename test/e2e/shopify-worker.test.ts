import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { type ShopifySimulator, signBody, startShopifySimulator } from '@ionflux/sandbox/shopify';
import { connectShopifyStore, type ShopifyAppKeys, shopifyEnv, startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Workers apart from the GraphQL process: the subgraph started with SHOPIFY_WORKER_IN_PROCESS=false
// stores webhooks and applies none; `npm run worker -w subgraphs/shopify` (worker-main.ts), a process of
// its own with no port and no identity key, applies them.

const workerMain = fileURLToPath(new URL('../../subgraphs/shopify/src/worker-main.ts', import.meta.url));
const keys: ShopifyAppKeys = {
  apiKey: 'e2e-shopify-worker',
  apiSecret: 'e2e-shopify-worker-secret',
  masterKey: generateMasterKey('e2e-worker'),
};

let simulator: ShopifySimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
}

function startWorker(env: Record<string, string>): WorkerProcess {
  const lines: string[] = [];
  const child = spawn(process.execPath, [workerMain], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  return { child, output: () => lines.join('') };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

/** A signed `app/uninstalled` for `shop`, through the gateway's public route. */
function deliverUninstall(shop: string): Promise<Response> {
  const body = JSON.stringify({ id: 1, myshopify_domain: shop, domain: shop });
  return fetch(`${system.gatewayUrl}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'app/uninstalled',
      'x-shopify-shop-domain': shop,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
      'x-shopify-hmac-sha256': signBody(Buffer.from(body), keys.apiSecret),
    },
    body,
  });
}

const deliveryStatus = async (shop: string) =>
  (
    await sql<{ status: string }[]>`
      select status from kit.webhook_deliveries where topic = 'app/uninstalled' and account_id = ${shop}`
  ).map((row) => row.status);
const connectionStatus = async (shop: string) =>
  (
    await sql<{ status: string }[]>`
      select status from kit.integration_connections where provider = 'shopify' and account_id = ${shop}`
  )[0]?.status;

beforeAll(async () => {
  simulator = await startShopifySimulator({ apiKey: keys.apiKey, apiSecret: keys.apiSecret });
  system = await startSystem({ ...shopifyEnv(simulator, keys), SHOPIFY_WORKER_IN_PROCESS: 'false' });
  sql = postgres(system.databaseUrl, { max: 2, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('the Shopify job worker as a process of its own', () => {
  it('the subgraph stores a webhook and applies nothing; the worker process applies it, then stops on SIGTERM', async () => {
    const shop = 'worker-apart.myshopify.com';
    await connectShopifyStore({
      databaseUrl: system.databaseUrl,
      simulator,
      keys,
      workspaceId: system.workspaceId,
      userId: system.userId,
      shop,
      scopes: ['read_products'],
    });
    const answer = await deliverUninstall(shop);
    expect(answer.status).toBe(200);
    expect(await deliveryStatus(shop)).toEqual(['RECEIVED']);
    // A worker in the subgraph process would take the job within milliseconds (LISTEN/NOTIFY) and
    // within its 2 s poll at the latest.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await deliveryStatus(shop)).toEqual(['RECEIVED']);
    expect(await connectionStatus(shop)).toBe('CONNECTED');

    const worker = startWorker({
      DATABASE_URL: system.databaseUrl,
      SHOPIFY_API_KEY: keys.apiKey,
      SHOPIFY_API_SECRET: keys.apiSecret,
      IONFLUX_MASTER_KEY: keys.masterKey,
      SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    });
    try {
      await expect
        .poll(() => deliveryStatus(shop), { timeout: 20_000, interval: 200 })
        .toEqual(['PROCESSED']);
      expect(await connectionStatus(shop)).toBe('DISCONNECTED');
      const notices = await sql<{ kind: string; title: string }[]>`
        select kind, title from kit.workspace_notifications
        where workspace_id = ${system.workspaceId} and kind = 'CONNECTION_UNINSTALLED'`;
      expect(notices).toEqual([
        { kind: 'CONNECTION_UNINSTALLED', title: `IONFLUX was removed from your Shopify store ${shop}` },
      ]);
      expect(worker.output()).toContain('job worker started');
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await exitOf(worker.child)).toBe(0);
    expect(worker.output()).toContain('"msg":"stopped"');
    expect(worker.output()).not.toContain(keys.apiSecret);
  }, 60_000);

  it('refuses to start with a bad configuration, naming every bad key', async () => {
    const worker = startWorker({ DATABASE_URL: 'mysql://nope', SHOPIFY_WEBHOOK_MAX_AGE_SECONDS: '-1' });
    expect(await exitOf(worker.child)).toBe(1);
    expect(worker.output()).toContain('shopify worker');
    expect(worker.output()).toContain('DATABASE_URL must be a postgres:// URL');
    expect(worker.output()).toContain('SHOPIFY_WEBHOOK_MAX_AGE_SECONDS');
  });
});
