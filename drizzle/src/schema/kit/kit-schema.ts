import { customType, pgSchema } from 'drizzle-orm/pg-core';

/** Tables of the shared integration kit: what every integration is built from. */
export const kit = pgSchema('kit');

/** Raw bytes: ciphertexts are stored as bytea, never as text. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
