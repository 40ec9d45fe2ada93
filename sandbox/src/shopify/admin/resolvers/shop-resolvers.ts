import { toGid } from '../../data/gid.ts';
import type { ShopState } from '../../data/shop-state.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { iso, SHOP_CURRENCY } from './values.ts';

const shop: TypeResolvers<ShopState> = {
  id: (s) => toGid('Shop', s.id),
  email: (s) => `owner@${s.domain}`,
  contactEmail: (s) => `hello@${s.domain}`,
  description: () => 'Small-batch goods for everyday life (IONFLUX sandbox shop).',
  shopOwnerName: () => 'Demo Owner',
  myshopifyDomain: (s) => s.domain,
  primaryDomain: (s) => ({
    id: toGid('Domain', s.id),
    host: s.domain,
    url: `https://${s.domain}`,
    sslEnabled: true,
  }),
  url: (s) => `https://${s.domain}`,
  currencyCode: () => SHOP_CURRENCY,
  enabledPresentmentCurrencies: () => ['USD', 'CAD', 'EUR', 'GBP', 'AUD'],
  ianaTimezone: (s) => s.ianaTimezone,
  timezoneAbbreviation: () => 'EST',
  timezoneOffset: () => '-0500',
  timezoneOffsetMinutes: () => -300,
  taxesIncluded: () => false,
  weightUnit: () => 'POUNDS',
  plan: () => ({ displayName: 'Basic', partnerDevelopment: true, shopifyPlus: false }),
  createdAt: (s) => iso(s.createdAt),
  updatedAt: (s) => iso(s.updatedAt),
};

export const shopResolvers: ResolverMap = { Shop: shop };
