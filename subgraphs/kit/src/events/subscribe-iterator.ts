import { IntegrationError } from '../errors/index.ts';
import { tagWithEventTrace } from './event-trace.ts';
import type { BusEvent, EventBus } from './index.ts';

export interface SubscribeIteratorOptions {
  /**
   * Events held for a consumer that reads slower than they arrive; past it the iterator ends with
   * `RATE_LIMITED` instead of growing without bound.
   * @default 256
   */
  maxQueue?: number;
}

/**
 * A GraphQL `subscribe` iterator over one bus topic. Push-based: `return()` (the client left)
 * unsubscribes at once instead of waiting for the next event, as an async generator would.
 */
export function subscribeIterator<T>(
  bus: EventBus,
  topic: string,
  map: (event: BusEvent) => T,
  { maxQueue = 256 }: SubscribeIteratorOptions = {},
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let failure: Error | undefined;
  let done = false;
  let unsubscribe: (() => Promise<void>) | undefined;

  const finish = () => {
    if (done) return;
    done = true;
    void unsubscribe?.();
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
  };
  const subscribed = bus
    .subscribe(topic, (event) => {
      if (done) return;
      // Tagged with the event's trace context, which the subscription's execution of it continues.
      const value = tagWithEventTrace(map(event), event);
      const next = waiting.shift();
      if (next) next({ value, done: false });
      else if (queue.length < maxQueue) queue.push(value);
      else {
        failure = new IntegrationError('RATE_LIMITED', 'The subscriber reads too slowly; subscribe again.');
        finish();
      }
    })
    .then((stop) => {
      unsubscribe = stop;
      if (done) void stop();
    });

  return {
    async next() {
      await subscribed;
      const value = queue.shift();
      if (value !== undefined) return { value, done: false };
      if (failure) throw failure;
      if (done) return { value: undefined, done: true };
      return new Promise((resolve) => waiting.push(resolve));
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
