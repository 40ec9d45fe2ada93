import { EventEmitter, on } from 'node:events';
import postgres from 'postgres';

/**
 * How a test subgraph instance hears about events: in this process only, or from every instance
 * through Postgres LISTEN/NOTIFY (what the kit's EventBus does in production).
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

const CHANNEL = 'subscription_test_events';

/** LISTEN/NOTIFY on `databaseUrl`: an event published by any instance reaches every instance. */
export async function createPostgresFanout(databaseUrl: string): Promise<EventFanout> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const emitter = new EventEmitter();
  const listener = await sql.listen(CHANNEL, (raw) => {
    const { topic, payload } = JSON.parse(raw) as { topic: string; payload: unknown };
    emitter.emit(topic, payload);
  });
  return {
    ...emitterFanout(emitter),
    async publish(topic, payload) {
      await sql.notify(CHANNEL, JSON.stringify({ topic, payload }));
    },
    async close() {
      await listener.unlisten();
      await sql.end();
    },
  };
}
