import { describe, expect, it } from 'vitest';
import { TikTokPacer } from './tiktok-pacer.ts';

describe('TikTokPacer', () => {
  it('admits an endpoint’s limit per account in a sliding minute, then says how long to wait', () => {
    let now = 1_000_000;
    const pacer = new TikTokPacer(() => now);
    for (let i = 0; i < 6; i += 1) {
      expect(pacer.admit('a', '/v2/post/publish/video/init/')).toBeUndefined();
      now += 5_000;
    }
    // Six calls in 25 s: the seventh waits until the first leaves the window (60 s after it).
    expect(pacer.admit('a', '/v2/post/publish/video/init/')).toBe(30);
    expect(pacer.admit('b', '/v2/post/publish/video/init/')).toBeUndefined();
    expect(pacer.admit('a', '/v2/user/info/')).toBeUndefined();
    now += 30_000;
    expect(pacer.admit('a', '/v2/post/publish/video/init/')).toBeUndefined();
  });

  it('holds an account’s endpoint after TikTok’s rate_limit_exceeded for the wait it gave', () => {
    let now = 0;
    const pacer = new TikTokPacer(() => now);
    pacer.backOff('a', '/v2/video/list/', 60);
    expect(pacer.admit('a', '/v2/video/list/')).toBe(60);
    now += 59_500;
    expect(pacer.admit('a', '/v2/video/list/')).toBe(1);
    expect(pacer.admit('a', '/v2/user/info/')).toBeUndefined();
    now += 500;
    expect(pacer.admit('a', '/v2/video/list/')).toBeUndefined();
  });

  it('admits endpoints without a documented limit', () => {
    const pacer = new TikTokPacer(() => 0);
    for (let i = 0; i < 1000; i += 1) expect(pacer.admit('a', '/v2/unknown/')).toBeUndefined();
  });
});
