import { ErrorCode } from '@ionflux/kit/errors';
import { GraphQLError } from 'graphql';

/**
 * Why the gateway ended a subscription, in `extensions.reason` beside the system-wide `code`, so a
 * client can tell "resubscribe now" (schema reload, subgraph restart) from "slow down" or "log in again".
 */
export const SubscriptionEndReason = {
  /** The client read events more slowly than they came; its bounded queue overflowed. */
  SLOW_CONSUMER: 'SLOW_CONSUMER',
  /** The supergraph changed; resubscribe to plan against the new one. */
  SCHEMA_RELOAD: 'SUBSCRIPTION_SCHEMA_RELOAD',
  /** The subgraph owning the subscription closed or could not be reached. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The subgraph produced events faster than the gateway could resolve them. */
  UPSTREAM_OVERFLOW: 'UPSTREAM_OVERFLOW',
  /** The caller's JWT expired while the subscription was open. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** Too many subscriptions on this connection or for this workspace. */
  SUBSCRIPTION_LIMIT: 'SUBSCRIPTION_LIMIT',
  /** The gateway is shutting down. */
  GATEWAY_SHUTDOWN: 'GATEWAY_SHUTDOWN',
} as const;

export type SubscriptionEndReason = (typeof SubscriptionEndReason)[keyof typeof SubscriptionEndReason];

const codeByReason: Record<SubscriptionEndReason, ErrorCode> = {
  SLOW_CONSUMER: ErrorCode.RATE_LIMITED,
  SUBSCRIPTION_SCHEMA_RELOAD: ErrorCode.PROVIDER_UNAVAILABLE,
  SUBGRAPH_UNAVAILABLE: ErrorCode.PROVIDER_UNAVAILABLE,
  UPSTREAM_OVERFLOW: ErrorCode.PROVIDER_UNAVAILABLE,
  TOKEN_EXPIRED: ErrorCode.UNAUTHENTICATED,
  SUBSCRIPTION_LIMIT: ErrorCode.QUOTA_EXCEEDED,
  GATEWAY_SHUTDOWN: ErrorCode.PROVIDER_UNAVAILABLE,
};

/** The error a subscription ends with: the code for its reason, and the reason itself. */
export function subscriptionEndError(reason: SubscriptionEndReason, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: codeByReason[reason], reason } });
}

/** An error refusing a subscription before it starts (syntax, validation, limits). */
export function invalidSubscription(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.INVALID_REQUEST } });
}
