import type { BusEvent, Queryable } from './event-bus.ts';
import { EVENT_COLUMNS, type EventRow, toBusEvent } from './event-row.ts';
import { lockTopic } from './topic-lock.ts';

/**
 * Writes one event into `kit.events` inside `tx`, without announcing it: the NATS bus's outbox. The row
 * becomes visible when `tx` commits, and the outbox relay forwards it to JetStream then. The topic's
 * advisory lock, held to the end of `tx`, keeps per-topic ids in commit order, as for the Postgres bus.
 */
export async function insertOutboxEvent(tx: Queryable, topic: string, payload: unknown): Promise<BusEvent> {
  await lockTopic(tx, topic);
  const [row] = await tx<EventRow[]>`
    insert into kit.events (topic, payload) values (${topic}, ${JSON.stringify(payload ?? null)}::jsonb)
    returning ${tx.unsafe(EVENT_COLUMNS)}`;
  if (!row) throw new Error('inserting an event returned no row');
  return toBusEvent(row);
}
