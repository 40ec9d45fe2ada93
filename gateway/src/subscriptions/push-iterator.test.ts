import { describe, expect, it, vi } from 'vitest';
import { createPushIterator } from './push-iterator.ts';

describe('createPushIterator', () => {
  it('hands values to a waiting reader, then queues up to its bound and refuses beyond it', async () => {
    const queue = createPushIterator<number>(2, () => {});
    const pending = queue.iterator.next();
    expect(queue.push(1)).toBe(true);
    expect(await pending).toEqual({ done: false, value: 1 });
    expect([queue.push(2), queue.push(3), queue.push(4)]).toEqual([true, true, false]);
    expect(queue.queued()).toBe(2);
  });

  it('returns at once while the reader waits, without another value, and calls onEnd once', async () => {
    const onEnd = vi.fn();
    const queue = createPushIterator<number>(4, onEnd);
    const pending = queue.iterator.next();
    await queue.iterator.return(undefined);
    expect(await pending).toEqual({ done: true, value: undefined });
    await queue.iterator.return(undefined);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(queue.push(1)).toBe(false);
  });

  it('ends after what is queued, or with a last value that replaces the queue', async () => {
    const drained = createPushIterator<number>(4, () => {});
    drained.push(1);
    drained.push(2);
    drained.end();
    const values: number[] = [];
    for await (const value of drained.iterator) values.push(value);
    expect(values).toEqual([1, 2]);

    const replaced = createPushIterator<number>(4, () => {});
    replaced.push(1);
    replaced.push(2);
    replaced.end(99);
    const last: number[] = [];
    for await (const value of replaced.iterator) last.push(value);
    expect(last).toEqual([99]);
  });
});
