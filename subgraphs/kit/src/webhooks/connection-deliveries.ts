import { readTimestamp, type Sql, type StoredTimestamp, timestampParam } from '../db/index.ts';
import { IntegrationError } from '../errors/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { replayWebhookDelivery } from './replay-webhook-delivery.ts';

/** The most deliveries one listing answers. */
export const MAX_LISTED_DELIVERIES = 200;

/** Where a stored delivery stands (the `status` column). */
export type DeliveryStatus = 'RECEIVED' | 'PROCESSING' | 'PROCESSED' | 'FAILED' | 'DEAD';

/**
 * The deliveries a connection may see: its provider's, naming its account, received since the
 * connection was made (an account connected by another workspace earlier keeps that workspace's
 * deliveries to itself).
 */
export interface ConnectionDeliveryScope {
  connectionId: string;
  provider: string;
  accountId: string;
  since: Date;
}

/** A stored delivery as a connection's owner sees it: never its payload or headers. */
export interface ConnectionDelivery {
  id: string;
  connectionId: string;
  /** The provider's id of the delivery (what deduplicates its retries). */
  deliveryId: string;
  topic: string;
  status: DeliveryStatus;
  attempts: number;
  /** The last processing error, when an attempt failed. */
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

type Row = Omit<ConnectionDelivery, 'receivedAt' | 'processedAt'> & {
  receivedAt: StoredTimestamp;
  processedAt: StoredTimestamp | null;
};

const select = (sql: Sql, scope: ConnectionDeliveryScope) => sql`
  select id, ${scope.connectionId}::uuid as "connectionId", delivery_id as "deliveryId", topic, status, attempts,
    last_error as error, received_at as "receivedAt", processed_at as "processedAt"
  from kit.webhook_deliveries
  where provider = ${scope.provider} and account_id = ${scope.accountId}
    and received_at >= ${timestampParam(scope.since)}::timestamptz`;

// Timestamps arrive as Date or as Postgres text, depending on the pool.
const toDelivery = (row: Row): ConnectionDelivery => ({
  ...row,
  receivedAt: readTimestamp(row.receivedAt),
  processedAt: readTimestamp(row.processedAt),
});

/** The connection's deliveries, newest first, optionally of one status; `first` is 1-200. */
export async function listConnectionDeliveries(
  sql: Sql,
  scope: ConnectionDeliveryScope,
  options: { status?: DeliveryStatus | null | undefined; first?: number | null | undefined },
): Promise<ConnectionDelivery[]> {
  const first = options.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_LISTED_DELIVERIES) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${MAX_LISTED_DELIVERIES}.`);
  }
  const rows = await sql<Row[]>`
    ${select(sql, scope)} ${options.status ? sql`and status = ${options.status}` : sql``}
    order by received_at desc, id
    limit ${first}`;
  return rows.map(toDelivery);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One delivery in the connection's scope, or undefined. */
export async function findConnectionDelivery(
  sql: Sql,
  scope: ConnectionDeliveryScope,
  id: string,
): Promise<ConnectionDelivery | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await sql<Row[]>`${select(sql, scope)} and id = ${id}`;
  return row && toDelivery(row);
}

/**
 * Applies a delivery of the connection again (what `npm run webhooks:replay` does: reset to RECEIVED with
 * fresh attempts, its processing job enqueued) and answers it as it stands after the reset. NOT_FOUND
 * outside the scope; INVALID_REQUEST while a worker applies it or when it cannot be replayed.
 */
export async function replayConnectionDelivery(
  sql: Sql,
  queue: JobQueue,
  scope: ConnectionDeliveryScope,
  id: string,
): Promise<ConnectionDelivery> {
  const notFound = () =>
    new IntegrationError(
      'NOT_FOUND',
      'That webhook delivery does not exist for this connection in this workspace.',
    );
  if (!(await findConnectionDelivery(sql, scope, id))) throw notFound();
  const result = await replayWebhookDelivery(sql, queue, id);
  if (!result.ok) {
    switch (result.reason) {
      case 'not_found':
        throw notFound();
      case 'in_progress':
        throw new IntegrationError(
          'INVALID_REQUEST',
          'A worker is applying that delivery right now: try again when it ends.',
        );
      case 'no_process_task':
        throw new IntegrationError(
          'INVALID_REQUEST',
          'That delivery predates replay support and cannot be replayed.',
        );
      default: {
        const unreachable: never = result.reason;
        throw new Error(`unknown replay result ${String(unreachable)}`);
      }
    }
  }
  const replayed = await findConnectionDelivery(sql, scope, id);
  if (!replayed) throw notFound();
  return replayed;
}
