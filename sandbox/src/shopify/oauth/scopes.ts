/** Access scopes the simulator knows; an authorize request naming any other fails as on Shopify. */
const RESOURCES = [
  'products',
  'orders',
  'all_orders',
  'customers',
  'inventory',
  'discounts',
  'price_rules',
  'fulfillments',
  'assigned_fulfillment_orders',
  'merchant_managed_fulfillment_orders',
  'locations',
  'draft_orders',
  'shipping',
  'analytics',
  'reports',
  'themes',
  'content',
  'script_tags',
  'marketing_events',
  'checkouts',
  'translations',
  'locales',
  'markets',
  'files',
  'publications',
  'returns',
  'product_listings',
  'metaobjects',
] as const;

export function parseScopes(raw: string): string[] {
  return [...new Set(raw.split(/[,\s]+/).filter(Boolean))];
}

export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => {
    const match = /^(read|write)_([a-z_]+)$/.exec(scope);
    return !match?.[2] || !(RESOURCES as readonly string[]).includes(match[2]);
  });
}

/** `write_x` implies `read_x`, as on Shopify. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  return needed.startsWith('read_') && granted.includes(`write_${needed.slice(5)}`);
}
