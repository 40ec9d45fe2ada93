import { customType, pgSchema } from 'drizzle-orm/pg-core';

/** Tables of the Shopify subgraph: the mirror of each connected store and what is derived from it. */
export const shopify = pgSchema('shopify');

/**
 * An exact decimal (PostgreSQL `numeric` without precision or scale): money as Shopify sends it, a
 * decimal string such as `414.95`, stored and summed without float rounding. Read and written as text.
 */
export const decimal = customType<{ data: string; driverData: string }>({ dataType: () => 'numeric' });
