export type { InMemoryEventBusOptions } from './create-in-memory-event-bus.ts';
export { createInMemoryEventBus } from './create-in-memory-event-bus.ts';
export type { PostgresEventBusDeps } from './create-postgres-event-bus.ts';
export { createPostgresEventBus } from './create-postgres-event-bus.ts';
export type {
  BusEvent,
  EventBus,
  EventHandler,
  PublishOptions,
  Queryable,
  TopicMatcher,
  Unsubscribe,
} from './event-bus.ts';
export { INLINE_PAYLOAD_LIMIT } from './insert-event.ts';
export { pruneEvents } from './prune-events.ts';
