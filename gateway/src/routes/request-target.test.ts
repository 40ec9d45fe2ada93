import { describe, expect, it } from 'vitest';
import { inspectRequestTarget } from './request-target.ts';

describe('inspectRequestTarget', () => {
  it('passes plain paths, whatever the query string holds', () => {
    for (const target of [
      '/graphql',
      '/graphql?query=%7B__typename%7D',
      '/oauth/shopify/callback?code=a&state=b&next=../../x%2e%2e;//\\',
      '/playground/assets/main-3f9a.js',
      '/webhooks/shopify',
      '/',
    ]) {
      expect(inspectRequestTarget(target), target).toEqual({ ok: true });
    }
  });

  it('refuses every target that is not origin-form', () => {
    for (const target of [
      'http://127.0.0.1:4012/_control/requests',
      'HTTP://127.0.0.1/graphql',
      'https://example.com/',
      '//evil.example/oauth/shopify/callback',
      '127.0.0.1:4012',
      '*',
      '',
      undefined,
    ]) {
      expect(inspectRequestTarget(target).ok, String(target)).toBe(false);
    }
  });

  it('refuses dot segments, dots and backslashes however encoded, ";", "//" and malformed escapes', () => {
    for (const target of [
      '/oauth/..',
      '/oauth/./x',
      '/oauth/%2e%2e/x',
      '/oauth/%2E%2e/x',
      '/oauth/.%2E/x',
      '/oauth/%252e%252e/x',
      '/oauth/%25252e/x',
      '/oauth/..%2fx',
      '/oauth%2f..%2fmetrics',
      '/oauth/a\\b',
      '/oauth/%5c',
      '/oauth/%255C',
      '/oauth/x;y',
      '/oauth/x%3by',
      '/oauth//x',
      '/oauth/%2f%2fx',
      '/oauth/%zz',
      '/oauth/%',
      '/oauth/%00',
      '/oauth/%23frag',
      `/oauth/${'%25'.repeat(6)}2e`,
    ]) {
      expect(inspectRequestTarget(target).ok, target).toBe(false);
    }
  });
});
