import { connectionStatusNotice } from '@ionflux/kit/notifications';
import { describe, expect, it } from 'vitest';
import { shopifyProvider } from './registration.ts';

// The kit's notices speak of a provider in the words its registration gives: Shopify's are a store, named
// by its domain.
describe('the kit’s connection notices with Shopify’s registration', () => {
  it('tells the workspace to reconnect, naming the store and the reason', () => {
    expect(
      connectionStatusNotice(shopifyProvider, 'acme.myshopify.com', 'NEEDS_REAUTH', 'access was revoked.'),
    ).toEqual({
      kind: 'CONNECTION_NEEDS_REAUTH',
      severity: 'ERROR',
      title: 'Reconnect your Shopify store acme.myshopify.com',
      message:
        'Reconnect your Shopify store acme.myshopify.com: access was revoked. ' +
        'Features that use it stop working until you do.',
    });
  });

  it('names Shopify, the store and the reason when requests to the store fail', () => {
    const notice = connectionStatusNotice(
      shopifyProvider,
      'acme.myshopify.com',
      'DEGRADED',
      'Shopify answers 503',
    );
    expect(notice).toMatchObject({
      kind: 'CONNECTION_DEGRADED',
      severity: 'WARNING',
      title: 'Problems reaching your Shopify store acme.myshopify.com',
    });
    expect(notice.message).toContain(
      'Requests to Shopify for acme.myshopify.com are failing: Shopify answers 503.',
    );
  });
});
