import { EventEmitter, on } from 'node:events';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createEventBus, subscribeIterator } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';

/**
 * How a test subgraph instance hears about events: in this process only, or from every instance
 * through the kit's EventBus (Postgres LISTEN/NOTIFY or NATS JetStream, as in production).
 */
export interface EventFanout {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Events of `topic`; `return()` stops listening at once and calls `onEnd`. */
  listen(topic: string, onEnd: () => void): AsyncIterableIterator<unknown>;
  close(): Promise<void>;
}

function emitterFanout(emitter: EventEmitter) {
  emitter.setMaxListeners(0);
  return {
    // Not an async generator: a generator's return() waits for the next event, so an unsubscribe
    // would only be seen here once another event came.
    listen(topic: string, onEnd: () => void): AsyncIterableIterator<unknown> {
      const abort = new AbortController();
      const events = on(emitter, topic, { signal: abort.signal });
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        abort.abort();
        onEnd();
      };
      const iterator: AsyncIterableIterator<unknown> = {
        async next() {
          try {
            const result = await events.next();
            if (result.done) return { done: true, value: undefined };
            return { done: false, value: (result.value as unknown[])[0] };
          } catch {
            end();
            return { done: true, value: undefined };
          }
        },
        async return() {
          end();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}

export function createMemoryFanout(): EventFanout {
  const emitter = new EventEmitter();
  return {
    ...emitterFanout(emitter),
    async publish(topic, payload) {
      emitter.emit(topic, payload);
    },
    async close() {},
  };
}

/**
 * The kit's `EventBus` of one instance: its own pool on `databaseUrl` (the bus's log or outbox, kit
 * tables migrated) and the bus `IONFLUX_EVENT_BUS` would choose (`eventBusUrl`: unset → Postgres,
 * `nats://…` → NATS). An event published by any instance reaches every instance.
 */
export async function createBusFanout(databaseUrl: string, eventBusUrl?: string): Promise<EventFanout> {
  await migrateDatabase(databaseUrl, [migrationSet('kit')]);
  const database = connectDatabase(databaseUrl, {
    maxConnections: 4,
    applicationName: 'ionflux-orders-test',
  });
  const bus = await createEventBus({
    url: eventBusUrl,
    sql: database.sql,
    logger: createLogger({ service: 'orders-bus', level: 'warn' }),
  });
  return {
    async publish(topic, payload) {
      await bus.publish(topic, payload);
    },
    listen(topic, onEnd) {
      const events = subscribeIterator(bus, topic, (event) => event.payload);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        onEnd();
      };
      const iterator: AsyncIterableIterator<unknown> = {
        async next() {
          try {
            const result = await events.next();
            if (result.done) end();
            return result;
          } catch (error) {
            end();
            throw error;
          }
        },
        async return() {
          end();
          return events.return?.() ?? { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
    async close() {
      await bus.close();
      await database.close();
    },
  };
}
