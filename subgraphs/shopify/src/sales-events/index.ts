// Sales Sentinel (spec 2.2): domain events raised as changes reach the mirror, the per-brand and
// per-product thresholds, and the shopifySalesEvents subscription.
export { highValueThresholdOf, inventoryThresholdsOf, shopCurrencyOf } from './alert-settings.ts';
export { DecimalScalar } from './decimal-scalar.ts';
export { deriveInventoryEvents } from './derive-inventory-events.ts';
export { deriveOrderEvents } from './derive-order-events.ts';
export type { RecordedChanges, RecordOptions } from './record-changes.ts';
export { recordOrders, recordProducts } from './record-changes.ts';
export {
  resolveShopifyInventoryThresholds,
  resolveShopifySalesAlerts,
  setShopifyHighValueOrderThreshold,
  setShopifyLowInventoryThreshold,
} from './sales-alert-mutations.ts';
export type { SalesEvent, SalesEventKind, SalesEventVariant } from './sales-event.ts';
export { salesEventsTopic } from './sales-event.ts';
export { salesEventId } from './sales-event-id.ts';
export { subscribeSalesEvents } from './subscribe-sales-events.ts';
