// The mirror of connected stores in Postgres (spec 2.2): records mapped from webhook payloads and Admin
// API reads, applied by version (`updated_at`, then source), with revenue rollups kept as orders change.
export type { AppliedOrder, StoredOrderState } from './apply-orders.ts';
export { applyOrders } from './apply-orders.ts';
export type { AppliedProduct } from './apply-products.ts';
export { applyProducts } from './apply-products.ts';
export { applyShop } from './apply-shop.ts';
export { compareDecimal, isDecimal, scaleDecimal, sumDecimals } from './decimal.ts';
export { deleteConnectionMirror } from './delete-connection-mirror.ts';
export type { MappingResult } from './mapping-result.ts';
export type {
  MirroredLineItem,
  MirrorOrder,
  MirrorProduct,
  MirrorShop,
  MirrorVariant,
  ObservedAt,
} from './mirror-records.ts';
export { toGid } from './mirror-records.ts';
export type { MirrorTarget, MirrorTx, RecordVersion } from './mirror-target.ts';
export { isNewer } from './mirror-target.ts';
export { orderFromAdmin } from './order-from-admin.ts';
export { orderFromRest } from './order-from-rest.ts';
export { pgArray } from './pg-array.ts';
export { productFromAdmin } from './product-from-admin.ts';
export { htmlToText, productFromRest } from './product-from-rest.ts';
export { rebuildDayRollups, rebuildRollups } from './rebuild-day-rollups.ts';
export { shopFromRest } from './shop-from-rest.ts';
