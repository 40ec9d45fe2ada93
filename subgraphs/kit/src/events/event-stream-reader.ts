import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import type { Logger } from '../logging/index.ts';

export interface EventStreamReaderOptions {
  js: JetStreamClient;
  stream: string;
  /** The first stream sequence to read. */
  startSequence: number;
  /** Called for each message in stream order; must not throw. */
  onMessage(msg: JsMsg): void;
  log: Logger;
}

export interface EventStreamReader {
  /** Drops the consumer and reads on from the last sequence seen with a new one. */
  restart(): void;
  close(): Promise<void>;
}

/**
 * Reads a stream in order with an ordered (ephemeral, unacknowledged) consumer per process, from
 * `startSequence` on. Resolves once the first consumer exists, so anything stored from then on is read.
 * When the consumer ends or fails, and on `restart()` (the bus calls it after every reconnect: after a
 * server crash the library's consumer can sit waiting for a pull the dead server forgot), a new one
 * starts at the sequence after the last message seen, so nothing stored meanwhile is skipped.
 */
export async function startEventStreamReader(options: EventStreamReaderOptions): Promise<EventStreamReader> {
  const { js, stream, log } = options;
  let nextSequence = options.startSequence;
  let closed = false;
  let restartAsked = false;
  const stopping = new AbortController();

  const open = async (): Promise<{ consumer: Consumer; messages: ConsumerMessages }> => {
    const consumer = await js.consumers.get(stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: nextSequence,
    });
    return { consumer, messages: await consumer.consume({ max_messages: 256 }) };
  };

  let current: Awaited<ReturnType<typeof open>> | undefined = await open();
  const reading = (async () => {
    let failures = 0;
    while (!closed) {
      try {
        current ??= await open();
        if (closed) break;
        for await (const msg of current.messages) {
          nextSequence = msg.seq + 1;
          options.onMessage(msg);
        }
        // Ended: because we asked, or the library gave up on its own.
        failures = restartAsked ? 0 : failures + 1;
      } catch (error) {
        failures++;
        if (!closed)
          log.warn({ err: error }, 'reading the event stream failed; reading on from where it stopped');
      }
      restartAsked = false;
      // The server forgets an idle ephemeral consumer by itself (5 minutes); this is sooner.
      current?.consumer.delete().catch(() => {});
      current = undefined;
      if (closed || failures === 0) continue;
      await sleep(Math.min(250 * 2 ** failures, 5000), undefined, { signal: stopping.signal }).catch(
        () => {},
      );
    }
    current?.messages.stop();
  })();

  return {
    restart() {
      restartAsked = true;
      current?.messages.stop();
    },
    async close() {
      closed = true;
      stopping.abort();
      current?.messages.stop();
      await reading;
    },
  };
}
