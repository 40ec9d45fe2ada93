import type { BusEvent, EventBus, TopicMatcher, Unsubscribe } from '@ionflux/kit/events';

export interface CollectedEvents {
  events: BusEvent[];
  /** Resolves once `count` events have arrived; rejects with what did arrive after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<BusEvent[]>;
  unsubscribe: Unsubscribe;
}

/** Subscribes and keeps what arrives, for tests to wait on. */
export async function collectEvents(bus: EventBus, matcher: TopicMatcher): Promise<CollectedEvents> {
  const events: BusEvent[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = await bus.subscribe(matcher, (event) => {
    events.push(event);
    for (const wake of waiters) wake();
  });
  return {
    events,
    unsubscribe,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return;
          cleanup();
          resolve(events.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`waited for ${count} events, got ${events.length}: ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Lets anything already published arrive, to check that nothing more does. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
