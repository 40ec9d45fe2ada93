import { readTimestamp, type StoredTimestamp } from '@ionflux/kit/db';
import type { MirrorShop, ObservedAt } from './mirror-records.ts';
import { isNewer, type MirrorTarget, type MirrorTx } from './mirror-target.ts';
import { rebuildDayRollups } from './rebuild-day-rollups.ts';

/**
 * Applies a version of the shop to a connection's mirror inside `tx`, if newer than the stored one by
 * (`updated_at`, observation). A null field keeps what is stored. When the timezone
 * changes, the day rollups are rebuilt in the new one in the same transaction (order writers wait for it).
 * Resolves whether the version was taken.
 */
export async function applyShop(
  tx: MirrorTx,
  target: MirrorTarget,
  shop: MirrorShop,
  observedAt: ObservedAt,
): Promise<boolean> {
  await tx`
    insert into shopify.shops (connection_id, workspace_id, shop_domain)
    values (${target.connectionId}, ${target.workspaceId}, ${target.shop})
    on conflict (connection_id) do nothing`;
  const [row] = await tx<
    {
      version: StoredTimestamp | null;
      observed: StoredTimestamp | null;
      ianaTimezone: string | null;
      rollupTimezone: string | null;
    }[]
  >`
    select source_updated_at as version, observed_at as observed, iana_timezone as "ianaTimezone",
      rollup_timezone as "rollupTimezone"
    from shopify.shops where connection_id = ${target.connectionId} for update`;
  const stored = row?.version
    ? {
        updatedAt: readTimestamp(row.version),
        observedAt: row.observed ? readTimestamp(row.observed) : new Date(0),
      }
    : undefined;
  if (!isNewer({ updatedAt: shop.updatedAt, observedAt }, stored)) return false;
  await tx`
    update shopify.shops set
      shop_gid = coalesce(${shop.shopGid}, shop_gid),
      name = coalesce(${shop.name}, name),
      currency = coalesce(${shop.currency}, currency),
      iana_timezone = coalesce(${shop.ianaTimezone}, iana_timezone),
      plan = coalesce(${shop.plan}, plan),
      source_updated_at = ${shop.updatedAt.toISOString()}::timestamptz,
      observed_at = ${observedAt.toISOString()}::timestamptz,
      updated_at = now()
    where connection_id = ${target.connectionId}`;
  const timezone = shop.ianaTimezone ?? row?.ianaTimezone ?? null;
  if (timezone && timezone !== (row?.rollupTimezone ?? 'UTC')) {
    await rebuildDayRollups(tx, target.connectionId, timezone);
  }
  return true;
}
