import type { BusEvent } from './event-bus.ts';

/**
 * Selects an event row in the shape `toBusEvent` reads. Time comes as epoch milliseconds: drizzle
 * replaces the pool's date parsers with ones that return strings, and numbers read the same either way.
 */
export const EVENT_COLUMNS =
  'id, topic, payload, floor(extract(epoch from created_at) * 1000)::float8 as created_ms';

/** A `kit.events` row selected with `EVENT_COLUMNS` (bigint ids arrive as strings). */
export interface EventRow {
  id: string | number;
  topic: string;
  payload: unknown;
  created_ms: number;
}

export function toBusEvent(row: EventRow): BusEvent {
  return { id: Number(row.id), topic: row.topic, payload: row.payload, createdAt: new Date(row.created_ms) };
}
