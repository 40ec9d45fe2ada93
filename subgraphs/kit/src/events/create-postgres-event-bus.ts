import type { Sql } from '../db/index.ts';
import type { Logger } from '../logging/index.ts';
import { createDeliveryTracker } from './delivery-tracker.ts';
import type { BusEvent, EventBus } from './event-bus.ts';
import { parseEventMessage } from './event-message.ts';
import { EVENT_COLUMNS, type EventRow, toBusEvent } from './event-row.ts';
import { splitEventTrace, withEventTrace } from './event-trace.ts';
import { insertEvent } from './insert-event.ts';
import { pruneEvents } from './prune-events.ts';
import { createSubscribers } from './subscribers.ts';
import { assertTopic } from './topic.ts';

export interface PostgresEventBusDeps {
  /** The service's pool; LISTEN runs on a dedicated connection postgres.js opens beside it. */
  sql: Sql;
  logger: Logger;
  /** NOTIFY channel; every process that should see the same events uses the same one. @default 'ionflux_events' */
  channel?: string;
  /**
   * When set, this bus deletes events older than this every `retentionMs / 4` (at most hourly). Leave
   * unset where the periodic job calls `pruneEvents`. @default undefined (the bus does not prune)
   */
  retentionMs?: number;
  /** How far back a resync after a reconnect looks for transactions that committed late. @default 60000 */
  resyncWindowMs?: number;
}

const RESYNC_PAGE = 500;
const RESYNC_ATTEMPTS = 10;

/**
 * The production `EventBus`: every event is a row of `kit.events`, announced with NOTIFY on commit.
 * Each process LISTENs once and fans out to its own subscribers. postgres.js re-LISTENs by itself after
 * the server restarts, but NOTIFYs sent while it reconnects are gone, so each re-listen is followed by a
 * read of the events the process has not seen. Work is done strictly in arrival order, so a payload
 * fetched by reference never lets a later event of its topic overtake it.
 */
export async function createPostgresEventBus(deps: PostgresEventBusDeps): Promise<EventBus> {
  const { sql, logger } = deps;
  const channel = deps.channel ?? 'ionflux_events';
  const log = logger.child({ component: 'event-bus', channel });
  const subscribers = createSubscribers((error, event) =>
    log.error({ err: error, eventId: event.id, topic: event.topic }, 'an event handler threw'),
  );

  const [start] = await sql<{ id: string; now_ms: number }[]>`
    select coalesce(max(id), 0) as id, floor(extract(epoch from now()) * 1000)::float8 as now_ms from kit.events`;
  const tracker = createDeliveryTracker({
    startId: Number(start?.id ?? 0),
    startedAt: new Date(start?.now_ms ?? Date.now()),
    windowMs: deps.resyncWindowMs ?? 60_000,
  });

  let closed = false;
  let work: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    work = work.then(task).catch((error: unknown) => log.error({ err: error }, 'event delivery failed'));
  };

  let listenedBefore = false;
  const listener = await sql.listen(
    channel,
    (raw) => enqueue(() => handleMessage(raw)),
    () => {
      if (listenedBefore) {
        log.warn('listening again after a lost connection; reading the events sent meanwhile');
        enqueue(() => resync());
      }
      listenedBefore = true;
    },
  );

  async function handleMessage(raw: string): Promise<void> {
    const message = parseEventMessage(raw);
    if (!message) {
      log.warn('ignored a notification that is not an event');
      return;
    }
    if (closed || !tracker.isNew(message.id)) return;
    if (subscribers.wants(message.topic)) {
      const payload = 'payload' in message ? message.payload : await fetchPayload(message.id);
      if (payload === undefined) {
        log.warn({ eventId: message.id }, 'event pruned before its payload was read');
      } else {
        subscribers.deliver({ id: message.id, topic: message.topic, payload, createdAt: message.createdAt });
      }
    }
    tracker.markHandled(message.id, message.createdAt);
  }

  async function fetchPayload(id: number): Promise<unknown> {
    const [row] = await sql<{ payload: unknown }[]>`select payload from kit.events where id = ${id}`;
    return row?.payload;
  }

  async function resync(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const delivered = await readMissed();
        log.info({ delivered }, 'resynchronised events after reconnect');
        return;
      } catch (error) {
        if (closed || attempt >= RESYNC_ATTEMPTS) throw error;
        // The pool's connections may still be the dead ones from before the restart.
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  async function readMissed(): Promise<number> {
    const { afterId, since } = tracker.resyncFrom();
    let pageAfter = 0;
    let delivered = 0;
    for (;;) {
      const rows = await sql<EventRow[]>`
        select ${sql.unsafe(EVENT_COLUMNS)} from kit.events
        where (id > ${afterId} or created_at > ${since.toISOString()}::timestamptz) and id > ${pageAfter}
        order by id limit ${RESYNC_PAGE}`;
      for (const row of rows) {
        const event: BusEvent = toBusEvent(row);
        pageAfter = event.id;
        if (closed || !tracker.isNew(event.id)) continue;
        subscribers.deliver(event);
        tracker.markHandled(event.id, event.createdAt);
        delivered++;
      }
      if (rows.length < RESYNC_PAGE) return delivered;
    }
  }

  const pruneTimer = deps.retentionMs ? startPruning(deps.retentionMs) : undefined;
  function startPruning(retentionMs: number): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        pruneEvents(sql, new Date(Date.now() - retentionMs)).catch((error: unknown) =>
          log.warn({ err: error }, 'pruning old events failed'),
        );
      },
      Math.min(retentionMs / 4, 3_600_000),
    );
    timer.unref();
    return timer;
  }

  return {
    async publish(topic, published, options = {}) {
      if (closed) throw new Error('the event bus is closed');
      assertTopic(topic);
      const payload = withEventTrace(published);
      if (options.tx) return splitEventTrace(await insertEvent(options.tx, channel, topic, payload));
      return splitEventTrace(await sql.begin((tx) => insertEvent(tx, channel, topic, payload)));
    },
    async subscribe(matcher, handler) {
      if (closed) throw new Error('the event bus is closed');
      const remove = subscribers.add(matcher, handler);
      return async () => remove();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(pruneTimer);
      subscribers.clear();
      await listener.unlisten().catch(() => {});
      await work;
    },
  };
}
