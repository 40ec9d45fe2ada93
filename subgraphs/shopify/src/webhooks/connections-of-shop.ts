import type { MirrorTarget, MirrorTx } from '../mirror/index.ts';
import { shopifyProvider } from '../registration.ts';

/**
 * The connections a delivery for `shop` is mirrored into: every workspace that connected the store and
 * still holds it (CONNECTED, or NEEDS_REAUTH, whose webhooks still arrive). Locked for share, so a
 * disconnect (which deletes the mirror) waits for the delivery being applied, or the delivery sees it done.
 */
export async function connectionsOfShop(tx: MirrorTx, shop: string): Promise<MirrorTarget[]> {
  return tx<MirrorTarget[]>`
    select id as "connectionId", workspace_id as "workspaceId", owner_id as "brandId", account_id as shop
    from kit.integration_connections
    where provider = ${shopifyProvider.id} and account_id = ${shop} and status in ('CONNECTED', 'NEEDS_REAUTH')
    order by id
    for share`;
}
