import type { BusEvent, Queryable } from './event-bus.ts';
import { type EventRow, toBusEvent } from './event-row.ts';
import { lockTopic } from './topic-lock.ts';

/**
 * NOTIFY refuses payloads over 8000 bytes. Below this size the payload travels inline; above it the
 * message carries only the id and subscribers' processes read the payload from `kit.events`.
 */
export const INLINE_PAYLOAD_LIMIT = 7000;

/**
 * Writes one event and announces it, inside `tx` (a transaction: the NOTIFY goes out only on commit).
 * Publishers of one topic take turns on an advisory lock held to the end of their transaction, so on
 * every topic ids are committed, and therefore announced, in increasing order.
 */
export async function insertEvent(
  tx: Queryable,
  channel: string,
  topic: string,
  payload: unknown,
): Promise<BusEvent> {
  await lockTopic(tx, topic);
  const [row] = await tx<EventRow[]>`
    with inserted as (
      insert into kit.events (topic, payload) values (${topic}, ${JSON.stringify(payload ?? null)}::jsonb)
      returning id, topic, payload, created_at
    ), stored as (
      select id, topic, payload, floor(extract(epoch from created_at) * 1000)::float8 as created_ms
      from inserted
    ), message as (
      select stored.*,
        json_build_object('id', id, 'topic', topic, 'createdMs', created_ms, 'payload', payload)::text as inline,
        json_build_object('id', id, 'topic', topic, 'createdMs', created_ms)::text as by_reference
      from stored
    )
    select id, topic, payload, created_ms,
      pg_notify(${channel}, case when octet_length(inline) <= ${INLINE_PAYLOAD_LIMIT} then inline else by_reference end)
    from message`;
  if (!row) throw new Error('inserting an event returned no row');
  return toBusEvent(row);
}
