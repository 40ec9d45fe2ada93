/**
 * The EventBus: how an event raised in one process reaches subscribers in every process.
 *
 * Topics are `<scope>:<id>:<stream>`, scoped by whoever may see them, so a subscription resolver
 * subscribes to its caller's own topic: e.g. `workspace:<workspaceId>:notifications` (see
 * `notificationsTopic` in kit/notifications). Publish inside the transaction that made the change
 * (`{ tx }`) so an event is delivered exactly when the change commits.
 */
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
export type { SubscribeIteratorOptions } from './subscribe-iterator.ts';
export { subscribeIterator } from './subscribe-iterator.ts';
