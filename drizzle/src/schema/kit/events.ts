import { bigserial, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { kit } from './kit-schema.ts';

/**
 * The EventBus's log: every published event is written here and announced with NOTIFY (by id when the
 * payload is over NOTIFY's 8000-byte limit). A listener that reconnects after a database restart reads
 * what it missed from here. Old rows are pruned by a periodic job.
 */
export const events = kit.table(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_created_idx').on(t.createdAt)],
);

export type EventRow = typeof events.$inferSelect;
