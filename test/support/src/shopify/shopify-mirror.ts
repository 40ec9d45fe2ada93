import { randomUUID } from 'node:crypto';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, type DatabaseHandle, migrateDatabase } from '@ionflux/kit/db';
import { createPostgresEventBus, type EventBus } from '@ionflux/kit/events';
import { createJobQueue, type JobQueue } from '@ionflux/kit/jobs';
import { createLogger, type Logger } from '@ionflux/kit/logging';
import type { WebhookDeliveryRow } from '@ionflux/kit/webhooks';
import { createTestDatabase, type TestDatabase } from '../database/test-database.ts';

/** A fresh database with the kit's and the Shopify subgraph's tables, and the handles the mirror uses. */
export interface ShopifyMirrorDatabase {
  url: string;
  database: DatabaseHandle;
  bus: EventBus;
  queue: JobQueue & { close(): Promise<void> };
  logger: Logger;
  /** Inserts a Shopify connection row of `shop` (CONNECTED unless said otherwise). */
  connect(
    shop: string,
    options?: { workspaceId?: string; brandId?: string; status?: string },
  ): Promise<{
    connectionId: string;
    workspaceId: string;
    brandId: string;
    shop: string;
  }>;
  /** A stored-delivery row (not inserted) as the kit hands it to the task. */
  delivery(
    topic: string,
    shop: string,
    payload: unknown,
    headers?: Record<string, string>,
  ): WebhookDeliveryRow;
  drop(): Promise<void>;
}

export async function createShopifyMirrorDatabase(): Promise<ShopifyMirrorDatabase> {
  const testDatabase: TestDatabase = await createTestDatabase();
  await migrateDatabase(testDatabase.url, [migrationSet('kit'), migrationSet('shopify')]);
  const logger = createLogger({ service: 'shopify-mirror-test', level: 'silent' });
  const database = connectDatabase(testDatabase.url, { applicationName: 'shopify-mirror-test' });
  const bus = await createPostgresEventBus({ sql: database.sql, logger });
  const queue = await createJobQueue({ databaseUrl: testDatabase.url, logger });
  return {
    url: testDatabase.url,
    database,
    bus,
    queue,
    logger,
    async connect(shop, options = {}) {
      const connectionId = randomUUID();
      const workspaceId = options.workspaceId ?? randomUUID();
      const brandId = options.brandId ?? randomUUID();
      await database.sql`
        insert into kit.integration_connections
          (id, workspace_id, provider, owner_type, owner_id, account_id, status, scopes, connected_at)
        values (${connectionId}, ${workspaceId}, 'shopify', 'brand', ${brandId}, ${shop},
          ${options.status ?? 'CONNECTED'}, '{read_orders,read_products}', now())`;
      return { connectionId, workspaceId, brandId, shop };
    },
    delivery(topic, shop, payload, headers = {}) {
      return {
        id: randomUUID(),
        provider: 'shopify',
        deliveryId: randomUUID(),
        topic,
        accountId: shop,
        headers,
        payload,
        processTask: 'shopify.webhook.process',
        status: 'PROCESSING',
        attempts: 1,
        lastError: null,
        receivedAt: new Date(),
        processedAt: null,
      };
    },
    async drop() {
      await queue.close();
      await bus.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
