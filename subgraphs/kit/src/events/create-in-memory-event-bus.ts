import type { BusEvent, EventBus } from './event-bus.ts';
import { splitEventTrace, withEventTrace } from './event-trace.ts';
import { createSubscribers } from './subscribers.ts';
import { assertTopic } from './topic.ts';

export interface InMemoryEventBusOptions {
  /** Told about handlers that throw. @default ignore */
  onHandlerError?: (error: unknown, event: BusEvent) => void;
}

/**
 * An `EventBus` inside one process, for unit tests that do not need Postgres. It keeps the Postgres
 * bus's observable behaviour: delivery happens after `publish` resolves (never inside it), payloads go
 * through JSON, ids increase. `tx` is ignored: there is nothing to roll back.
 */
export function createInMemoryEventBus(options: InMemoryEventBusOptions = {}): EventBus {
  const subscribers = createSubscribers(options.onHandlerError ?? (() => {}));
  let lastId = 0;
  let closed = false;
  return {
    async publish(topic, payload) {
      if (closed) throw new Error('the event bus is closed');
      assertTopic(topic);
      const event: BusEvent = {
        id: ++lastId,
        topic,
        payload: JSON.parse(JSON.stringify(withEventTrace(payload) ?? null)) as unknown,
        createdAt: new Date(),
      };
      // Queued in publish order, so per-topic order holds as it does through Postgres.
      setImmediate(() => {
        if (!closed) subscribers.deliver(event);
      });
      return splitEventTrace(event);
    },
    async subscribe(matcher, handler) {
      if (closed) throw new Error('the event bus is closed');
      const remove = subscribers.add(matcher, handler);
      return async () => remove();
    },
    async close() {
      closed = true;
      subscribers.clear();
    },
  };
}
