import type { EventBus } from '@ionflux/kit/events';
import { describe, expect, it } from 'vitest';
import { collectEvents, settle } from './collect-events.ts';

/**
 * The behaviour every `EventBus` implementation owes its users, run against each of them so the
 * in-memory bus of unit tests cannot drift from the Postgres one.
 */
export function describeEventBusContract(name: string, createBus: () => Promise<EventBus>): void {
  describe(`${name}: the EventBus contract`, () => {
    const withBus = (test: (bus: EventBus) => Promise<void>) => async () => {
      const bus = await createBus();
      try {
        await test(bus);
      } finally {
        await bus.close();
      }
    };

    it(
      'delivers a published event to a subscriber of its topic, as publish returned it',
      withBus(async (bus) => {
        const received = await collectEvents(bus, 'orders:created');
        const published = await bus.publish('orders:created', { orderId: 'o-1', total: 42.5 });
        const [event] = await received.waitFor(1);
        expect(event).toEqual(published);
        expect(event?.payload).toEqual({ orderId: 'o-1', total: 42.5 });
        expect(event?.createdAt).toBeInstanceOf(Date);
      }),
    );

    it(
      'gives later publishes larger ids',
      withBus(async (bus) => {
        const first = await bus.publish('t', 1);
        const second = await bus.publish('t', 2);
        expect(second.id).toBeGreaterThan(first.id);
      }),
    );

    it(
      'delivers only matching topics, by name or by predicate',
      withBus(async (bus) => {
        const exact = await collectEvents(bus, 'workspace:a:notifications');
        const byPrefix = await collectEvents(bus, (topic) => topic.startsWith('workspace:a:'));
        await bus.publish('workspace:b:notifications', 'not yours');
        await bus.publish('workspace:a:sales', 'sale');
        await bus.publish('workspace:a:notifications', 'note');
        await byPrefix.waitFor(2);
        await exact.waitFor(1);
        await settle();
        expect(exact.events.map((e) => e.payload)).toEqual(['note']);
        expect(byPrefix.events.map((e) => e.payload)).toEqual(['sale', 'note']);
      }),
    );

    it(
      'delivers each event once to each subscriber, in id order per topic, even when published concurrently',
      withBus(async (bus) => {
        const one = await collectEvents(bus, 'seq');
        const two = await collectEvents(bus, 'seq');
        const published = await Promise.all(Array.from({ length: 25 }, (_, i) => bus.publish('seq', i)));
        const ids = published.map((e) => e.id).sort((a, b) => a - b);
        await one.waitFor(25);
        await two.waitFor(25);
        await settle();
        expect(one.events.map((e) => e.id)).toEqual(ids);
        expect(two.events.map((e) => e.id)).toEqual(ids);
      }),
    );

    it(
      'stops delivering to a subscriber once it unsubscribes',
      withBus(async (bus) => {
        const kept = await collectEvents(bus, 't');
        const dropped = await collectEvents(bus, 't');
        await bus.publish('t', 'before');
        await dropped.waitFor(1);
        await dropped.unsubscribe();
        await bus.publish('t', 'after');
        await kept.waitFor(2);
        await settle();
        expect(dropped.events.map((e) => e.payload)).toEqual(['before']);
      }),
    );

    it(
      'keeps delivering to other subscribers when a handler throws',
      withBus(async (bus) => {
        await bus.subscribe('t', () => {
          throw new Error('handler bug');
        });
        const healthy = await collectEvents(bus, 't');
        await bus.publish('t', 1);
        await bus.publish('t', 2);
        expect((await healthy.waitFor(2)).map((e) => e.payload)).toEqual([1, 2]);
      }),
    );

    it(
      'hands out payloads as JSON would carry them',
      withBus(async (bus) => {
        const received = await collectEvents(bus, 't');
        const at = new Date('2026-11-25T10:00:00.000Z');
        await bus.publish('t', { at, missing: undefined, nested: { list: [1, 'two', null] } });
        const [event] = await received.waitFor(1);
        expect(event?.payload).toEqual({ at: at.toISOString(), nested: { list: [1, 'two', null] } });
      }),
    );

    it('refuses to publish once closed', async () => {
      const bus = await createBus();
      await bus.close();
      await expect(bus.publish('t', 1)).rejects.toThrow(/closed/);
    });
  });
}
