/** Bounds on subscriptions, per connection, per workspace and per subscription. */
export interface SubscriptionLimits {
  /** Subscriptions one WebSocket connection may hold open. @default 100 */
  maxPerConnection?: number;
  /** Subscriptions one workspace may hold open on one gateway process. @default 2000 */
  maxPerWorkspace?: number;
  /** Results queued for one client that reads slowly; past it the subscription ends (SLOW_CONSUMER). @default 256 */
  maxQueuedPerSubscriber?: number;
  /** Plan executions (entity fetches) in flight per shared subscription; results keep event order. @default 4 */
  maxInFlightPerSubscription?: number;
  /** Events waiting for an execution slot per shared subscription; past it the subscription ends. @default 1000 */
  maxWaitingPerSubscription?: number;
}

export type ResolvedSubscriptionLimits = Required<SubscriptionLimits>;

export function resolveSubscriptionLimits(limits: SubscriptionLimits = {}): ResolvedSubscriptionLimits {
  return {
    maxPerConnection: limits.maxPerConnection ?? 100,
    maxPerWorkspace: limits.maxPerWorkspace ?? 2000,
    maxQueuedPerSubscriber: limits.maxQueuedPerSubscriber ?? 256,
    maxInFlightPerSubscription: limits.maxInFlightPerSubscription ?? 4,
    maxWaitingPerSubscription: limits.maxWaitingPerSubscription ?? 1000,
  };
}
