/**
 * Remembers which events a process has already handled, so that events re-read after a reconnect
 * are delivered once, and knows where a resynchronisation must start reading.
 *
 * Ids are assigned at insert but become visible at commit, so a slow transaction can commit an id
 * below one already seen. A resync therefore reads everything after the highest id seen, plus a
 * look-back window of recent events (by `created_at`, the publishing transaction's start), and skips
 * the ids remembered here.
 */
export interface DeliveryTracker {
  /** Whether the event is new to this process. */
  isNew(id: number): boolean;
  markHandled(id: number, createdAt: Date): void;
  /** Where a resync reads from: ids above `afterId`, or created after `since`. */
  resyncFrom(): { afterId: number; since: Date };
}

export interface DeliveryTrackerOptions {
  /** Highest event id when the bus started: older events are not this bus's to deliver. */
  startId: number;
  /** Database time when the bus started. */
  startedAt: Date;
  /** How far before the newest event a resync looks for late commits. */
  windowMs: number;
}

export function createDeliveryTracker({
  startId,
  startedAt,
  windowMs,
}: DeliveryTrackerOptions): DeliveryTracker {
  let highestId = startId;
  let highestAt = startedAt;
  // Insertion order is roughly id order, so the oldest entries sit at the front and pruning stops early.
  const handled = new Map<number, number>();

  const prune = () => {
    const keepAfter = highestAt.getTime() - 2 * windowMs;
    for (const [id, at] of handled) {
      if (at >= keepAfter) break;
      handled.delete(id);
    }
  };

  return {
    isNew: (id) => !handled.has(id),
    markHandled(id, createdAt) {
      handled.set(id, createdAt.getTime());
      if (id > highestId) {
        highestId = id;
        if (createdAt > highestAt) highestAt = createdAt;
        prune();
      }
    },
    resyncFrom: () => ({
      afterId: highestId,
      since: new Date(Math.max(startedAt.getTime(), highestAt.getTime() - windowMs)),
    }),
  };
}
