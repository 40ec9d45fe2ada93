import type { ThrottleStatus } from './throttle-bucket.ts';

/** `extensions.cost` of an Admin answer. */
export interface AdminCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** Shopify refuses a single query dearer than this (`MAX_COST_EXCEEDED`). */
export const MAX_QUERY_COST = 1000;

/** Reads `extensions.cost` from a parsed Admin body, if it is there and well formed. */
export function readAdminCost(body: unknown): AdminCost | undefined {
  const cost = (body as { extensions?: { cost?: Partial<AdminCost> } } | null)?.extensions?.cost;
  const status = cost?.throttleStatus;
  if (!cost || typeof cost.requestedQueryCost !== 'number' || !status) return undefined;
  if (typeof status.currentlyAvailable !== 'number' || typeof status.restoreRate !== 'number')
    return undefined;
  return {
    requestedQueryCost: cost.requestedQueryCost,
    actualQueryCost: typeof cost.actualQueryCost === 'number' ? cost.actualQueryCost : null,
    throttleStatus: status,
  };
}

/** Whether the body is Shopify's THROTTLED refusal (sent with 200, or 429 by some front ends). */
export function isThrottled(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((error) => (error as { extensions?: { code?: unknown } })?.extensions?.code === 'THROTTLED')
  );
}
