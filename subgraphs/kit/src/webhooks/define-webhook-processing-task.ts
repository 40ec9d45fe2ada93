import type postgres from 'postgres';
import { z } from 'zod';
import type { TaskDefinition, TaskHelpers } from '../jobs/index.ts';
// Not through jobs/index.ts, which imports this folder: the env below reads the value as modules load.
import { DEFAULT_MAX_ATTEMPTS } from '../jobs/task-definition.ts';
import {
  DELIVERY_COLUMNS,
  type StoredDeliveryRow,
  toWebhookDeliveryRow,
  type WebhookDeliveryRow,
} from './webhook-delivery.ts';
import type { WebhookSource } from './webhook-source.ts';

/** The processing settings a service reads from its env (spread into its zod config). */
export const webhookProcessingEnv = {
  /**
   * Attempts to apply a delivery before it is `DEAD` (retried with exponential backoff: about 3 s,
   * 7 s, 20 s, … between attempts). @default 10
   */
  IONFLUX_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(DEFAULT_MAX_ATTEMPTS),
};

export interface WebhookProcessingDeps {
  sql: postgres.Sql;
  source: WebhookSource;
  /**
   * Applies one delivery to the mirror (and publishes what follows from it). Must be idempotent: it
   * runs again after a failure, after its worker died mid-way, and on a replay, so key every write on
   * the provider's ids and skip payloads older than what is stored (`updated_at`).
   */
  apply(delivery: WebhookDeliveryRow, helpers: TaskHelpers): Promise<void>;
  /** Attempts before the delivery is `DEAD`. @default 10 */
  maxAttempts?: number;
}

const LAST_ERROR_MAX = 2000;

/**
 * The job task (named after `source.processTask`) that applies stored deliveries. Each run claims the
 * delivery (`PROCESSING`, attempts + 1), applies it, and marks it `PROCESSED`. A failure records
 * `last_error` and marks it `FAILED`, and the job is retried with exponential backoff; the failure of
 * the last attempt marks it `DEAD` instead and ends the job: the row is the dead letter, brought back
 * by `replayWebhookDelivery`. A delivery already `PROCESSED` or `DEAD` is left alone, so a duplicate
 * job changes nothing.
 */
export function defineWebhookProcessingTask(
  deps: WebhookProcessingDeps,
): TaskDefinition<{ deliveryId: string }> {
  const { sql, source } = deps;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return {
    name: source.processTask,
    payloadSchema: z.object({ deliveryId: z.uuid() }),
    maxAttempts,
    async handler({ deliveryId }, helpers) {
      const logger = helpers.logger.child({ provider: source.provider, delivery: deliveryId });
      const [claimed] = await sql<StoredDeliveryRow[]>`
        update kit.webhook_deliveries set status = 'PROCESSING', attempts = attempts + 1
        where id = ${deliveryId} and status in ('RECEIVED', 'FAILED', 'PROCESSING')
        returning ${sql.unsafe(DELIVERY_COLUMNS)}`;
      const delivery = claimed && toWebhookDeliveryRow(claimed);
      if (!delivery) {
        logger.info('webhook delivery already processed, dead or gone; nothing to do');
        return;
      }
      try {
        await deps.apply(delivery, { ...helpers, logger });
      } catch (error) {
        const dead = delivery.attempts >= maxAttempts;
        await sql`
          update kit.webhook_deliveries
          set status = ${dead ? 'DEAD' : 'FAILED'}, last_error = ${describe(error)}
          where id = ${deliveryId}`;
        if (!dead) throw error;
        logger.error(
          { err: error, attempts: delivery.attempts, topic: delivery.topic },
          'webhook delivery is DEAD after its last attempt; replay it with npm run webhooks:replay -- <id>',
        );
        return;
      }
      await sql`
        update kit.webhook_deliveries set status = 'PROCESSED', processed_at = now(), last_error = null
        where id = ${deliveryId}`;
    },
  };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX)}…` : text;
}
