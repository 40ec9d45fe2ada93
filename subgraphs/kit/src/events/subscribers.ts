import type { BusEvent, EventHandler, TopicMatcher } from './event-bus.ts';

export interface Subscribers {
  add(matcher: TopicMatcher, handler: EventHandler): () => void;
  /** Whether any current subscriber wants this topic (lets the bus skip fetching unwanted payloads). */
  wants(topic: string): boolean;
  deliver(event: BusEvent): void;
  clear(): void;
}

/**
 * The local subscribers of one bus, shared by both implementations so they deliver alike. A handler
 * that throws (or returns a rejected promise) is reported and the others still get the event.
 */
export function createSubscribers(onHandlerError: (error: unknown, event: BusEvent) => void): Subscribers {
  const entries = new Set<{ matches: (topic: string) => boolean; handler: EventHandler }>();
  return {
    add(matcher, handler) {
      const entry = {
        matches: typeof matcher === 'string' ? (topic: string) => topic === matcher : matcher,
        handler,
      };
      entries.add(entry);
      return () => {
        entries.delete(entry);
      };
    },
    wants: (topic) => [...entries].some((entry) => entry.matches(topic)),
    deliver(event) {
      // A snapshot: handlers that subscribe or unsubscribe while handling do not change this delivery.
      for (const entry of [...entries]) {
        if (!entries.has(entry) || !entry.matches(event.topic)) continue;
        try {
          const result: unknown = entry.handler(event);
          if (result instanceof Promise) result.catch((error: unknown) => onHandlerError(error, event));
        } catch (error) {
          onHandlerError(error, event);
        }
      }
    },
    clear: () => entries.clear(),
  };
}
