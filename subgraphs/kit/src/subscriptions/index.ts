export { handleUpgrades } from './handle-upgrades.ts';
export type { SubgraphSubscriptions, SubgraphSubscriptionsOptions } from './mount-subgraph-subscriptions.ts';
export { mountSubgraphSubscriptions } from './mount-subgraph-subscriptions.ts';
