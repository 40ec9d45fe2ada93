export type { RunningCatalogSubgraph } from './catalog-subgraph.ts';
export type { OrderEvent, RunningOrdersSubgraph } from './orders-subgraph.ts';
export type { RawMessage, RawWsClient } from './raw-ws-client.ts';
export { openRawWs } from './raw-ws-client.ts';
export type { SubscriptionSystem, SubscriptionSystemOptions } from './start-subscription-system.ts';
export { startSubscriptionSystem } from './start-subscription-system.ts';
export type { ReceivedResult, Subscription } from './subscribe-client.ts';
export {
  connectWs,
  eventually,
  ORDER_PLACED,
  subscribeSse,
  subscribeWs,
  wsUrlOf,
} from './subscribe-client.ts';
