import type { Sql } from '../db/index.ts';
import type { Logger } from '../logging/index.ts';
import { createNatsEventBus } from './create-nats-event-bus.ts';
import { createPostgresEventBus } from './create-postgres-event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { parseEventBusUrl } from './event-bus-url.ts';

export interface EventBusDeps {
  /**
   * `IONFLUX_EVENT_BUS`: unset or `postgres` → Postgres LISTEN/NOTIFY; `nats://host:port[,nats://…]`
   * (credentials as `user:password@` or `token@`) → NATS JetStream.
   * @default undefined (Postgres)
   */
  url: string | undefined;
  /** The service's pool: the Postgres bus's log and LISTEN connection, the NATS bus's outbox. */
  sql: Sql;
  logger: Logger;
}

/** The process's `EventBus`, as `IONFLUX_EVENT_BUS` chooses. Every instance of a deployment must choose alike. */
export async function createEventBus({ url, sql, logger }: EventBusDeps): Promise<EventBus> {
  const parsed = parseEventBusUrl(url);
  if (!parsed.ok) throw new Error(parsed.reason);
  const { target } = parsed;
  switch (target.kind) {
    case 'postgres':
      return createPostgresEventBus({ sql, logger });
    case 'nats':
      return createNatsEventBus({
        servers: target.servers,
        ...(target.credentials ? { credentials: target.credentials } : {}),
        sql,
        logger,
      });
    default: {
      const unknown: never = target;
      throw new Error(`unknown event bus ${JSON.stringify(unknown)}`);
    }
  }
}
