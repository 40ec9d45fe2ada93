import type { Queryable } from './event-bus.ts';

/** First key of the two-key advisory lock space (separate from the one-bigint space other locks use). */
export const TOPIC_LOCK_CLASS = 0x10f1;

/**
 * Takes the topic's publishing turn until `tx` ends. Publishers of one topic wait for each other here,
 * so on every topic ids are committed in increasing order, whichever process publishes.
 */
export async function lockTopic(tx: Queryable, topic: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(${TOPIC_LOCK_CLASS}, hashtext(${topic}))`;
}
