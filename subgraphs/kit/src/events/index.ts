/**
 * The EventBus: how an event raised in one process reaches subscribers in every process, over Postgres
 * LISTEN/NOTIFY or NATS JetStream as `IONFLUX_EVENT_BUS` chooses (`createEventBus`; README beside this).
 *
 * Topics are `<scope>:<id>:<stream>`, scoped by whoever may see them, so a subscription resolver
 * subscribes to its caller's own topic: e.g. `workspace:<workspaceId>:notifications` (see
 * `notificationsTopic` in kit/notifications). Publish inside the transaction that made the change
 * (`{ tx }`) so an event is delivered exactly when the change commits.
 */
export type { EventBusDeps } from './create-event-bus.ts';
export { createEventBus } from './create-event-bus.ts';
export type { InMemoryEventBusOptions } from './create-in-memory-event-bus.ts';
export { createInMemoryEventBus } from './create-in-memory-event-bus.ts';
export type { NatsEventBusDeps } from './create-nats-event-bus.ts';
export { createNatsEventBus } from './create-nats-event-bus.ts';
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
export type { EventBusTarget, ParsedEventBusUrl } from './event-bus-url.ts';
export { parseEventBusUrl } from './event-bus-url.ts';
export {
  copyEventTrace,
  EVENT_TRACE_FIELD,
  eventTraceOf,
  splitEventTrace,
  tagWithEventTrace,
  withEventTrace,
} from './event-trace.ts';
export { INLINE_PAYLOAD_LIMIT } from './insert-event.ts';
export { pruneEvents } from './prune-events.ts';
export type { SubscribeIteratorOptions } from './subscribe-iterator.ts';
export { subscribeIterator } from './subscribe-iterator.ts';
