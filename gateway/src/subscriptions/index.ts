export type { GatewaySubscriptions, GatewaySubscriptionsOptions } from './create-gateway-subscriptions.ts';
export { createGatewaySubscriptions } from './create-gateway-subscriptions.ts';
export type { ShareScope, SubscriptionEngineStats } from './subscription-engine.ts';
export { SubscriptionEndReason } from './subscription-error.ts';
export type { SubscriptionLimits } from './subscription-limits.ts';
