import type postgres from 'postgres';

/** One published event, as every subscriber receives it. */
export interface BusEvent<T = unknown> {
  /** Position in the event log (`kit.events.id`); increases with every publish. */
  id: number;
  topic: string;
  /** The published value after a JSON round trip (dates become ISO strings, `undefined` disappears). */
  payload: T;
  createdAt: Date;
  /** The publisher's W3C trace context (`traceparent`, `tracestate`), when it published with tracing on. */
  trace?: Readonly<Record<string, string>>;
}

/**
 * Anything that runs a query: the pool or a transaction from `sql.begin` (postgres.js gives transactions
 * a narrower type than the pool, so `Sql` alone would refuse them).
 */
export type Queryable = postgres.ISql;

export interface PublishOptions {
  /**
   * Publish as part of this transaction: subscribers get the event only if it commits. Publishers of
   * one topic take turns until their transactions end (that is what keeps per-topic order across
   * processes), so keep such transactions short, and publish to several topics in a consistent order.
   */
  tx?: Queryable;
}

/** A topic name, or a test that picks topics (e.g. every `workspace:<id>:…` topic). */
export type TopicMatcher = string | ((topic: string) => boolean);

/** Receives events. Runs on the bus's delivery path: return quickly; a throw is logged, not propagated. */
export type EventHandler = (event: BusEvent) => void;

/** Stops a subscription; no event is delivered to its handler once this resolves. */
export type Unsubscribe = () => Promise<void>;

/**
 * Fan-out of events to every process (Postgres LISTEN/NOTIFY or NATS JetStream in production, in memory
 * for unit tests). Each event reaches each matching subscriber once, in publish order per topic.
 */
export interface EventBus {
  publish(topic: string, payload: unknown, options?: PublishOptions): Promise<BusEvent>;
  subscribe(topic: TopicMatcher, handler: EventHandler): Promise<Unsubscribe>;
  /** Ends every subscription and releases the bus's connection; publishing afterwards fails. */
  close(): Promise<void>;
}
