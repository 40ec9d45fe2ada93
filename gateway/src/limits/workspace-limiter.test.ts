import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceLimiter, type WorkspaceLimiter } from './workspace-limiter.ts';

const A = '6f1c2a40-0000-4000-8000-00000000000a';
const B = '6f1c2a40-0000-4000-8000-00000000000b';

let limiter: WorkspaceLimiter | undefined;
afterEach(() => limiter?.close());

function clock() {
  let at = 0;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('createWorkspaceLimiter', () => {
  it('lets a burst through, refuses the next with the wait until a token is back, and refills at the rate', () => {
    const time = clock();
    limiter = createWorkspaceLimiter({ ratePerSecond: 2, burst: 3, maxInFlight: 100 }, time);
    for (let i = 0; i < 3; i++) expect(limiter.admitRequest(A).ok).toBe(true);
    const refused = limiter.admitRequest(A);
    expect(refused).toMatchObject({ ok: false, limit: 'rate', retryAfterSeconds: 1 });
    expect(refused.ok ? '' : refused.message).toMatch(/2 per second, bursts of 3/);
    time.advance(499);
    expect(limiter.admitRequest(A).ok).toBe(false);
    time.advance(1);
    expect(limiter.admitRequest(A).ok).toBe(true);
    expect(limiter.admitRequest(A).ok).toBe(false);
  });

  it('says how long to wait when the rate is below one per second', () => {
    const time = clock();
    limiter = createWorkspaceLimiter({ ratePerSecond: 0.25, burst: 1, maxInFlight: 10 }, time);
    expect(limiter.admitRequest(A).ok).toBe(true);
    expect(limiter.admitRequest(A)).toMatchObject({ ok: false, retryAfterSeconds: 4 });
  });

  it('keeps one bucket per workspace: one workspace emptying its own leaves another untouched', () => {
    limiter = createWorkspaceLimiter({ ratePerSecond: 1, burst: 2, maxInFlight: 100 }, clock());
    limiter.admitRequest(A);
    limiter.admitRequest(A);
    expect(limiter.admitRequest(A).ok).toBe(false);
    expect(limiter.admitRequest(B).ok).toBe(true);
    // The same workspace however its id is spelled.
    expect(limiter.admitRequest(A.toUpperCase()).ok).toBe(false);
  });

  it('refuses past the in-flight limit until a request is released, and a double release frees one slot', () => {
    limiter = createWorkspaceLimiter({ ratePerSecond: 1000, burst: 1000, maxInFlight: 2 }, clock());
    const first = limiter.admitRequest(A);
    const second = limiter.admitRequest(A);
    if (!first.ok || !second.ok) throw new Error('expected both admitted');
    expect(limiter.admitRequest(A)).toMatchObject({ ok: false, limit: 'in_flight', retryAfterSeconds: 1 });
    expect(limiter.admitRequest(B).ok).toBe(true);
    first.release();
    first.release();
    expect(limiter.admitRequest(A).ok).toBe(true);
    expect(limiter.admitRequest(A).ok).toBe(false);
  });

  it('counts subscription starts against the rate but not the in-flight limit', () => {
    limiter = createWorkspaceLimiter({ ratePerSecond: 1, burst: 2, maxInFlight: 1 }, clock());
    expect(limiter.admitSubscription(A).ok).toBe(true);
    expect(limiter.admitRequest(A).ok).toBe(true);
    expect(limiter.admitSubscription(A)).toMatchObject({ ok: false, limit: 'rate' });
  });

  it('forgets workspaces that are idle with a full bucket, but not one with a request in flight', async () => {
    const time = clock();
    limiter = createWorkspaceLimiter(
      { ratePerSecond: 1000, burst: 10, maxInFlight: 10 },
      { now: time.now, sweepEveryMs: 5 },
    );
    const open = limiter.admitRequest(A);
    const done = limiter.admitRequest(B);
    if (!open.ok || !done.ok) throw new Error('expected admissions');
    done.release();
    time.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(limiter.tracked()).toBe(1);
    open.release();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(limiter.tracked()).toBe(0);
  });

  it('refuses limits that are not positive numbers', () => {
    expect(() => createWorkspaceLimiter({ ratePerSecond: 0, burst: 1, maxInFlight: 1 })).toThrow(
      /ratePerSecond must be positive/,
    );
  });
});
