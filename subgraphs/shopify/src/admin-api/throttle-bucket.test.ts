import { describe, expect, it } from 'vitest';
import { ThrottleBucket } from './throttle-bucket.ts';

const limits = { maximumAvailable: 100, currentlyAvailable: 100, restoreRate: 1000 };

describe('ThrottleBucket', () => {
  it('lets requests through while the bucket holds their cost, then waits for it to leak back', async () => {
    const bucket = new ThrottleBucket(limits);
    const started = performance.now();
    await bucket.acquire(60);
    await bucket.acquire(40);
    expect(performance.now() - started).toBeLessThan(20);
    // Empty: 50 points at 1000/s take ~50 ms.
    await bucket.acquire(50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('adopts a lower throttleStatus (another process spent points) and ignores a higher one', () => {
    const bucket = new ThrottleBucket({ ...limits, restoreRate: 0.0001 });
    bucket.observe({ ...limits, restoreRate: 0.0001, currentlyAvailable: 10 });
    expect(Math.round(bucket.available())).toBe(10);
    bucket.observe({ ...limits, restoreRate: 0.0001, currentlyAvailable: 90 });
    expect(Math.round(bucket.available())).toBe(10);
  });

  it('refunds what a call did not spend', async () => {
    const bucket = new ThrottleBucket({ ...limits, restoreRate: 0.0001 });
    await bucket.acquire(80);
    bucket.refund(50);
    expect(Math.round(bucket.available())).toBe(70);
  });

  it('serves waiters in arrival order and a cancelled waiter does not block the rest', async () => {
    const bucket = new ThrottleBucket({ ...limits, currentlyAvailable: 0 });
    const order: string[] = [];
    const aborted = new AbortController();
    const big = bucket.acquire(80, aborted.signal).catch(() => order.push('big-cancelled'));
    const small = bucket.acquire(10).then(() => order.push('small'));
    aborted.abort();
    await Promise.all([big, small]);
    expect(order).toEqual(['big-cancelled', 'small']);
  });
});
