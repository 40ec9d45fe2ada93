import { classifyByStatus, type ResponseHead, type RetryDecision } from '@ionflux/kit/http';
import { isThrottled, readAdminCost } from './admin-cost.ts';

/**
 * The kit HTTP client's `classify` hook for the Admin API: THROTTLED (200 or 429) is retried after the
 * time the bucket needs to hold the requested cost again, which the answer's `throttleStatus` tells.
 * The local bucket makes this rare (another process or app spent the points); it is the safety net.
 */
export function classifyAdminResponse(response: ResponseHead, body: unknown): RetryDecision {
  if (response.status === 429 || (response.status === 200 && isThrottled(body))) {
    const cost = readAdminCost(body);
    if (cost) {
      const missing = Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable);
      return {
        action: 'retry',
        reason: 'throttled',
        delayMs: Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000) + 50,
      };
    }
  }
  return classifyByStatus(response);
}
