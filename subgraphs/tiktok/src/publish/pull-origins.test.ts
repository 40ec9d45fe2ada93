import { describe, expect, it } from 'vitest';
import { checkPullUrl, pullOriginsVar } from './pull-origins.ts';

const allowed = ['https://media.example.com', 'http://127.0.0.1:4011'];

describe('TIKTOK_PULL_ORIGINS', () => {
  it('parses comma-separated origins to their canonical form', () => {
    expect(pullOriginsVar().parse(' https://Media.Example.com , http://127.0.0.1:4011/ ')).toEqual(allowed);
    expect(pullOriginsVar().parse(undefined)).toEqual([]);
  });

  it.each(['ftp://x.example', 'https://x.example/path', 'not a url', 'https://u:p@x.example'])(
    'refuses %s',
    (entry) => {
      expect(pullOriginsVar().safeParse(entry).success).toBe(false);
    },
  );
});

describe('checkPullUrl', () => {
  it('accepts a URL on an allowed origin', () => {
    expect(checkPullUrl('https://media.example.com/v/1.mp4?x=1', allowed)).toEqual({
      ok: true,
      url: 'https://media.example.com/v/1.mp4?x=1',
    });
  });

  it.each([
    'https://media.example.com.evil.test/v.mp4',
    'https://evil.test/https://media.example.com/v.mp4',
    'https://media.example.com@evil.test/v.mp4',
    'https://user:pw@media.example.com/v.mp4',
    'http://media.example.com/v.mp4',
    'https://media.example.com:8443/v.mp4',
    'http://127.0.0.1:4012/v.mp4',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '//media.example.com/v.mp4',
    `https://media.example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(checkPullUrl(url, allowed).ok).toBe(false);
  });

  it('refuses everything when no origin is allowed', () => {
    expect(checkPullUrl('https://media.example.com/v.mp4', [])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('TIKTOK_PULL_ORIGINS'),
    });
  });
});
