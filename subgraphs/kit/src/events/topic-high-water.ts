/**
 * The highest event id a process has delivered per topic. On the NATS bus every topic's events reach
 * the stream in id order, so an id at or below the mark is a copy: one the outbox relay stored again
 * after JetStream's duplicate window (its Postgres commit failed after the JetStream ack), or one
 * written to the stream by someone else. Marks not moved for `keepMs` are forgotten, oldest first, and
 * at most `maxTopics` are kept.
 */
export interface TopicHighWater {
  /** Records the id and says whether it is above the topic's mark (new) or not (a copy). */
  advance(topic: string, id: number): boolean;
}

export interface TopicHighWaterOptions {
  /** @default 3600000 (an hour) */
  keepMs?: number;
  /** @default 100000 */
  maxTopics?: number;
  /** @default Date.now */
  now?: () => number;
}

export function createTopicHighWater({
  keepMs = 3_600_000,
  maxTopics = 100_000,
  now = Date.now,
}: TopicHighWaterOptions = {}): TopicHighWater {
  // Insertion order is last-moved order (a moved mark is re-inserted), so the stalest sit at the front.
  const marks = new Map<string, { id: number; at: number }>();
  return {
    advance(topic, id) {
      const mark = marks.get(topic);
      if (mark && id <= mark.id) return false;
      const at = now();
      marks.delete(topic);
      marks.set(topic, { id, at });
      for (const [oldest, { at: movedAt }] of marks) {
        if (marks.size <= maxTopics && movedAt >= at - keepMs) break;
        marks.delete(oldest);
      }
      return true;
    },
  };
}
