import type { BusEvent, EventHandler, TopicMatcher } from './event-bus.ts';
import { splitEventTrace } from './event-trace.ts';

export interface Subscribers {
  add(matcher: TopicMatcher, handler: EventHandler): () => void;
  /** Whether any current subscriber wants this topic (lets the bus skip fetching unwanted payloads). */
  wants(topic: string): boolean;
  deliver(event: BusEvent): void;
  clear(): void;
}

interface Entry {
  handler: EventHandler;
}

/**
 * The local subscribers of one bus, shared by both implementations so they deliver alike. Exact topics
 * are looked up, so thousands of subscribers on their own workspace topics cost one map read per event;
 * only predicate subscribers are tested one by one. A handler that throws (or returns a rejected
 * promise) is reported and the others still get the event.
 */
export function createSubscribers(onHandlerError: (error: unknown, event: BusEvent) => void): Subscribers {
  const byTopic = new Map<string, Set<Entry>>();
  const byPredicate = new Map<Entry, (topic: string) => boolean>();
  const live = new Set<Entry>();

  const matching = (topic: string): Entry[] => {
    const found = [...(byTopic.get(topic) ?? [])];
    for (const [entry, matches] of byPredicate) if (matches(topic)) found.push(entry);
    return found;
  };

  return {
    add(matcher, handler) {
      const entry: Entry = { handler };
      live.add(entry);
      if (typeof matcher === 'string') {
        const set = byTopic.get(matcher) ?? new Set();
        set.add(entry);
        byTopic.set(matcher, set);
      } else {
        byPredicate.set(entry, matcher);
      }
      return () => {
        live.delete(entry);
        byPredicate.delete(entry);
        if (typeof matcher !== 'string') return;
        const set = byTopic.get(matcher);
        set?.delete(entry);
        if (set?.size === 0) byTopic.delete(matcher);
      };
    },
    wants: (topic) => byTopic.has(topic) || [...byPredicate.values()].some((matches) => matches(topic)),
    deliver(published) {
      const event = splitEventTrace(published);
      // A snapshot: handlers that subscribe while handling do not get this event; ones removed meanwhile
      // are skipped.
      for (const entry of matching(event.topic)) {
        if (!live.has(entry)) continue;
        try {
          const result: unknown = entry.handler(event);
          if (result instanceof Promise) result.catch((error: unknown) => onHandlerError(error, event));
        } catch (error) {
          onHandlerError(error, event);
        }
      }
    },
    clear() {
      live.clear();
      byTopic.clear();
      byPredicate.clear();
    },
  };
}
