import type { AdminOperation } from '../admin-operation.ts';

export interface AdminShop {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryDomain: { host: string };
  plan: { displayName: string };
  updatedAt: string;
}

/** The shop's identity, currency and timezone (spec 2.2 Shop). */
export const shopQuery: AdminOperation<{ shop: AdminShop }, Record<string, never>> = {
  name: 'IonfluxShop',
  document: /* GraphQL */ `
    query IonfluxShop {
      shop {
        id
        name
        myshopifyDomain
        currencyCode
        ianaTimezone
        primaryDomain { host }
        plan { displayName }
        updatedAt
      }
    }
  `,
  estimateCost: () => 3,
};
