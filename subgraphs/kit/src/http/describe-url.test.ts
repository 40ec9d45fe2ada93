import { describe, expect, it } from 'vitest';
import { describeUrl } from './describe-url.ts';

describe('describeUrl', () => {
  it('blanks credential query parameters and keeps the others', () => {
    const url = new URL(
      'https://generativelanguage.googleapis.com/v1beta/models/g:generateContent?key=AIzaSECRET&alt=sse&access_token=at1&client_secret=cs1',
    );
    const { host, path } = describeUrl(url);
    expect(host).toBe('generativelanguage.googleapis.com');
    expect(path).toBe(
      '/v1beta/models/g:generateContent?key=[redacted]&alt=sse&access_token=[redacted]&client_secret=[redacted]',
    );
  });

  it('gives the bare path when there is no query', () => {
    expect(describeUrl(new URL('https://shop.myshopify.com/admin/api/2025-04/graphql.json')).path).toBe(
      '/admin/api/2025-04/graphql.json',
    );
  });
});
