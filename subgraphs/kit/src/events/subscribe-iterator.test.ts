import { describe, expect, it } from 'vitest';
import { createInMemoryEventBus } from './create-in-memory-event-bus.ts';
import { subscribeIterator } from './subscribe-iterator.ts';

describe('subscribeIterator', () => {
  it('yields the topic’s events in order, mapped, and unsubscribes on return', async () => {
    const bus = createInMemoryEventBus();
    const iterator = subscribeIterator(bus, 'workspace:a:notifications', (e) => e.payload);
    const first = iterator.next();
    await bus.publish('workspace:a:notifications', { n: 1 });
    await bus.publish('workspace:b:notifications', { n: 99 });
    await bus.publish('workspace:a:notifications', { n: 2 });
    expect(await first).toEqual({ value: { n: 1 }, done: false });
    expect(await iterator.next()).toEqual({ value: { n: 2 }, done: false });
    await iterator.return?.();
    await bus.publish('workspace:a:notifications', { n: 3 });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await bus.close();
  });

  it('ends with RATE_LIMITED when a consumer falls more than maxQueue events behind', async () => {
    const bus = createInMemoryEventBus();
    const iterator = subscribeIterator(bus, 't', (e) => e.payload, { maxQueue: 3 });
    for (let n = 0; n < 5; n++) await bus.publish('t', { n });
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the bus hand over all five
    // The three queued events are still delivered, then the stream ends with the reason.
    for (let n = 0; n < 3; n++) expect(await iterator.next()).toEqual({ value: { n }, done: false });
    await expect(iterator.next()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await bus.close();
  });
});
