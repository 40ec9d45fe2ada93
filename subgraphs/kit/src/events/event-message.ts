/** What NOTIFY carries: the event without its payload when the payload is too large to travel inline. */
export interface EventMessage {
  id: number;
  topic: string;
  createdAt: Date;
  /** Absent when the payload is to be read from `kit.events` by id. */
  payload?: unknown;
}

/** Parses a NOTIFY payload written by `insertEvent`; undefined when it is not one. */
export function parseEventMessage(raw: string): EventMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { id, topic, createdMs } = record;
  if (typeof id !== 'number' || typeof topic !== 'string' || typeof createdMs !== 'number') return undefined;
  const message: EventMessage = { id, topic, createdAt: new Date(createdMs) };
  if ('payload' in record) message.payload = record['payload'];
  return message;
}
