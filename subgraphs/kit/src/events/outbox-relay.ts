import type { Sql } from '../db/index.ts';
import type { Logger } from '../logging/index.ts';
import type { BusEvent } from './event-bus.ts';
import { EVENT_COLUMNS, type EventRow, toBusEvent } from './event-row.ts';
import { TOPIC_LOCK_CLASS } from './topic-lock.ts';

/** `stored`: the broker acknowledged it; `refused`: it never will (e.g. larger than it accepts). */
export type SendOutcome = 'stored' | 'refused';

export interface OutboxRelayDeps {
  sql: Sql;
  log: Logger;
  /** Stores one event on the broker, resolving once the broker acknowledged it; rejects when it may work later. */
  send(event: BusEvent): Promise<SendOutcome>;
  /** Whether `send` can work now; while it cannot, rows wait for the sweep after the reconnect. */
  connected(): boolean;
  /** Rows older than this are not the outbox's (the Postgres bus's log from before the switch to NATS). */
  since: Date;
  /** Relays running at once, each holding a pool connection. @default 4 */
  concurrency?: number;
  /** One wait for a publishing transaction to end. @default 250 */
  commitWaitMs?: number;
  /** Waits before a transaction still open is left to the sweep. @default 240 (a minute) */
  maxCommitWaits?: number;
}

export interface OutboxRelay {
  /**
   * Forwards `topic`'s committed outbox rows, in id order, to the broker and deletes them. With
   * `afterCommit`, first waits for the transaction that just wrote one to end.
   */
  relay(topic: string, afterCommit: boolean): void;
  /** Queues a relay of every topic with rows waiting (left by a process that died, or while the broker was away). */
  sweep(): Promise<void>;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
  /** Stops queueing and waits for the running relays. */
  close(): Promise<void>;
}

interface Job {
  afterCommit: boolean;
  waits: number;
}

const PAGE = 200;
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The NATS bus's transactional outbox: events are rows of `kit.events` written in the publisher's
 * transaction; this forwards each committed row to JetStream and deletes it once JetStream acknowledged
 * it. Rows of a topic are read `for update` in id order, so two relays of one topic (in any processes)
 * take turns and JetStream stores the topic's events in id order. A crash between the acknowledgement
 * and the delete sends the row again under the same message id, which JetStream drops as a duplicate.
 */
export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const { sql, log, send } = deps;
  const concurrency = deps.concurrency ?? 4;
  const commitWaitMs = deps.commitWaitMs ?? 250;
  const maxCommitWaits = deps.maxCommitWaits ?? 240;
  const queued = new Map<string, Job>();
  const active = new Map<string, Promise<void>>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const enqueue = (topic: string, job: Job) => {
    if (closed) return;
    const waiting = queued.get(topic);
    if (waiting) waiting.afterCommit ||= job.afterCommit;
    else queued.set(topic, job);
    pump();
  };

  const pump = () => {
    for (const [topic, job] of queued) {
      if (active.size >= concurrency) break;
      if (active.has(topic)) continue;
      queued.delete(topic);
      const running = run(topic, job).finally(() => {
        active.delete(topic);
        pump();
        if (active.size === 0 && queued.size === 0) for (const wake of idleWaiters.splice(0)) wake();
      });
      active.set(topic, running);
    }
  };

  async function run(topic: string, job: Job): Promise<void> {
    try {
      if (job.afterCommit && !(await waitForCommit(topic))) {
        if (job.waits + 1 < maxCommitWaits) enqueue(topic, { afterCommit: true, waits: job.waits + 1 });
        else log.warn({ topic }, 'a publishing transaction stays open; its events are left to the sweep');
        return;
      }
      await forward(topic);
    } catch (error) {
      log.warn(
        { err: error, topic },
        'relaying events to NATS failed; they stay in the outbox for the next sweep',
      );
    }
  }

  /** The publisher holds the topic's lock until its transaction ends: taking it means it ended. */
  async function waitForCommit(topic: string): Promise<boolean> {
    try {
      await sql.begin(async (tx) => {
        await tx`select set_config('lock_timeout', ${String(commitWaitMs)}, true)`;
        await tx`select pg_advisory_xact_lock(${TOPIC_LOCK_CLASS}, hashtext(${topic}))`;
      });
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
      throw error;
    }
  }

  async function forward(topic: string): Promise<void> {
    for (;;) {
      if (!deps.connected()) return;
      const { count, failure } = await sql.begin(async (tx) => {
        const rows = await tx<EventRow[]>`
          select ${tx.unsafe(EVENT_COLUMNS)} from kit.events
          where topic = ${topic} and created_at >= ${deps.since.toISOString()}::timestamptz
          order by id limit ${PAGE} for update`;
        const done: number[] = [];
        let failure: unknown;
        for (const row of rows) {
          const event = toBusEvent(row);
          try {
            if ((await send(event)) === 'refused') {
              log.error(
                { eventId: event.id, topic },
                'NATS refused an event for good (too large?); it is dropped',
              );
            }
          } catch (error) {
            failure = error;
            break;
          }
          done.push(event.id);
        }
        // What JetStream stored leaves the outbox even when a later row failed.
        if (done.length > 0) await tx`delete from kit.events where id in ${tx(done)}`;
        return { count: rows.length, failure };
      });
      if (failure) throw failure;
      if (count < PAGE) return;
    }
  }

  return {
    relay: (topic, afterCommit) => enqueue(topic, { afterCommit, waits: 0 }),
    async sweep() {
      if (closed || !deps.connected()) return;
      const rows = await sql<{ topic: string }[]>`
        select distinct topic from kit.events where created_at >= ${deps.since.toISOString()}::timestamptz
        limit 10000`;
      for (const { topic } of rows) enqueue(topic, { afterCommit: false, waits: 0 });
    },
    idle() {
      if (active.size === 0 && queued.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      queued.clear();
      await Promise.allSettled([...active.values()]);
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    },
  };
}
