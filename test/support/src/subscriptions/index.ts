export type { RunningCatalogSubgraph } from './catalog-subgraph.ts';
export { CATALOG_SDL, startCatalogSubgraph } from './catalog-subgraph.ts';
export { composeTestSupergraph } from './compose-test-supergraph.ts';
export type { EventFanout } from './event-fanout.ts';
export { createBusFanout, createMemoryFanout } from './event-fanout.ts';
export type { OrderEvent, RunningOrdersSubgraph } from './orders-subgraph.ts';
export { ORDERS_SDL, startOrdersSubgraph } from './orders-subgraph.ts';
export type { RawMessage, RawWsClient } from './raw-ws-client.ts';
export { openRawWs } from './raw-ws-client.ts';
export type { SubscriptionSystem, SubscriptionSystemOptions } from './start-subscription-system.ts';
export { startSubscriptionSystem } from './start-subscription-system.ts';
export type { RunningTestSubgraph, TestSubgraphContext, TestSubgraphOptions } from './start-test-subgraph.ts';
export { startTestSubgraph } from './start-test-subgraph.ts';
export type { ReceivedResult, Subscription } from './subscribe-client.ts';
export {
  connectWs,
  eventually,
  ORDER_PLACED,
  subscribeSse,
  subscribeWs,
  wsUrlOf,
} from './subscribe-client.ts';
