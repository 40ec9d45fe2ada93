import { describeIssue, type MappingResult } from './mapping-result.ts';
import { type MirrorShop, toGid } from './mirror-records.ts';
import { restShop } from './rest-payload-schemas.ts';

/**
 * A `shop/update` (or `app/uninstalled`) payload, Shopify's REST Shop, as the mirrored shop. Shopify's
 * documented example leaves `updated_at`, `iana_timezone` and the domains null: a missing version is the
 * delivery's trigger time, and a null field keeps what is mirrored.
 */
export function shopFromRest(payload: unknown, fallbackVersion: Date): MappingResult<MirrorShop> {
  const parsed = restShop.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error) };
  const shop = parsed.data;
  return {
    ok: true,
    value: {
      shopGid: shop.id == null ? null : toGid('Shop', shop.id),
      name: shop.name ?? null,
      currency: shop.currency ?? null,
      ianaTimezone: shop.iana_timezone ?? null,
      plan: shop.plan_display_name ?? null,
      updatedAt: shop.updated_at ? new Date(shop.updated_at) : fallbackVersion,
    },
  };
}
