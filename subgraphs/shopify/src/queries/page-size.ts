import { IntegrationError } from '@ionflux/kit/errors';

/** A page size within 1..max, or INVALID_REQUEST naming the limit (Shopify's cost keeps it small). */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${max}.`, {
      details: { max },
    });
  }
  return size;
}
