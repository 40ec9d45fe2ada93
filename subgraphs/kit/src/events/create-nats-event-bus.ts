import { setTimeout as sleep } from 'node:timers/promises';
import { type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Sql } from '../db/index.ts';
import { IntegrationError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import { ensureEventStream } from './ensure-event-stream.ts';
import type { BusEvent, EventBus } from './event-bus.ts';
import { parseEventMessage } from './event-message.ts';
import { type EventStreamReader, startEventStreamReader } from './event-stream-reader.ts';
import { splitEventTrace, withEventTrace } from './event-trace.ts';
import { insertOutboxEvent } from './insert-outbox-event.ts';
import { subjectOf } from './nats-subject.ts';
import { createOutboxRelay, type SendOutcome } from './outbox-relay.ts';
import { createSubscribers } from './subscribers.ts';
import { assertTopic } from './topic.ts';
import { createTopicHighWater } from './topic-high-water.ts';

export interface NatsEventBusDeps {
  /** NATS servers without credentials, e.g. `['nats://nats-0:4222', 'nats://nats-1:4222']`. */
  servers: string[];
  credentials?: { user: string; pass: string } | { token: string };
  /** The service's pool: `kit.events` is the outbox events are written to in the publisher's transaction. */
  sql: Sql;
  logger: Logger;
  /** JetStream stream holding the events; one per deployment (database). @default 'IONFLUX_EVENTS' */
  stream?: string;
  /** Events of topic `a:b` go to subject `<prefix>.a.b`. @default 'ionflux.events' */
  subjectPrefix?: string;
  /** Age at which the stream drops an event, when the bus creates the stream. @default 86400000 (a day) */
  maxAgeMs?: number;
  /** JetStream's duplicate window, when the bus creates the stream. @default 120000 */
  duplicateWindowMs?: number;
  /** Stream replicas, when the bus creates the stream (3 in a NATS cluster). @default 1 */
  replicas?: number;
  /** How often each process looks for outbox rows nobody relayed (their publisher died). @default 5000 */
  sweepIntervalMs?: number;
  /** Wait between reconnect attempts to NATS (plus jitter); attempts never stop. @default 1000 */
  reconnectWaitMs?: number;
  /** How long a JetStream publish waits for its acknowledgement. @default 5000 */
  publishTimeoutMs?: number;
  /** How long `close()` waits for this process's outbox rows to be relayed. @default 5000 */
  closeFlushMs?: number;
}

/** Room for the envelope around a payload (id, topic, time) and the message-id header. */
const ENVELOPE_BYTES = 256;

/**
 * The `EventBus` over NATS JetStream, for deployments past what one Postgres NOTIFY queue carries.
 *
 * Publishing writes the event to `kit.events` in the publisher's transaction (the outbox: delivered
 * if and only if it commits, ids from the same sequence as the Postgres bus); the outbox relay stores it
 * in the stream once committed and deletes the row when JetStream acknowledged it. Each process reads
 * the stream with one ordered consumer starting after the last event stored when it started, and fans
 * out to its own subscribers; after a lost connection or a server restart the consumer is recreated
 * from the last stream sequence it saw, so nothing stored meanwhile is missed. Events published while
 * NATS is away wait in the outbox and are relayed on reconnect.
 */
export async function createNatsEventBus(deps: NatsEventBusDeps): Promise<EventBus> {
  const { sql } = deps;
  const streamName = deps.stream ?? 'IONFLUX_EVENTS';
  const prefix = deps.subjectPrefix ?? 'ionflux.events';
  const log = deps.logger.child({ component: 'event-bus', bus: 'nats', stream: streamName });
  const nc = await connectToNats(deps);
  let closed = false;
  let connected = true;

  const subscribers = createSubscribers((error, event) =>
    log.error({ err: error, eventId: event.id, topic: event.topic }, 'an event handler threw'),
  );
  const highWater = createTopicHighWater();
  const js = jetstream(nc, { timeout: deps.publishTimeoutMs ?? 5000 });
  let since: Date;
  let reader: EventStreamReader;
  try {
    const info = await ensureEventStream(await jetstreamManager(nc), {
      name: streamName,
      subjectPrefix: prefix,
      maxAgeMs: deps.maxAgeMs ?? 86_400_000,
      duplicateWindowMs: deps.duplicateWindowMs ?? 120_000,
      replicas: deps.replicas ?? 1,
    });
    since = new Date(info.created);
    reader = await startEventStreamReader({
      js,
      stream: streamName,
      startSequence: info.state.last_seq + 1,
      onMessage: handle,
      log,
    });
    log.info(
      { servers: deps.servers, startSequence: info.state.last_seq + 1 },
      'event bus on NATS JetStream',
    );
  } catch (error) {
    await nc.close();
    throw error;
  }

  function handle(msg: JsMsg): void {
    const message = parseEventMessage(msg.string());
    if (!message || !('payload' in message) || msg.subject !== subjectOf(prefix, message.topic)) {
      log.warn(
        { subject: msg.subject, sequence: msg.seq },
        'ignored a message on the event stream that is no event',
      );
      return;
    }
    if (!highWater.advance(message.topic, message.id)) return;
    if (!subscribers.wants(message.topic)) return;
    subscribers.deliver({
      id: message.id,
      topic: message.topic,
      payload: message.payload,
      createdAt: message.createdAt,
    });
  }

  async function send(event: BusEvent): Promise<SendOutcome> {
    const body = JSON.stringify({
      id: event.id,
      topic: event.topic,
      createdMs: event.createdAt.getTime(),
      payload: event.payload,
    });
    if (Buffer.byteLength(body) + ENVELOPE_BYTES > maxPayload()) return 'refused';
    // The id as message id: a second store of the same event within the duplicate window is dropped.
    await js.publish(subjectOf(prefix, event.topic), body, { msgID: String(event.id) });
    return 'stored';
  }

  const maxPayload = () => nc.info?.max_payload ?? 1024 * 1024;
  const relay = createOutboxRelay({ sql, log, send, since, connected: () => connected && !nc.isClosed() });

  const sweep = () => {
    relay.sweep().catch((error: unknown) => log.warn({ err: error }, 'looking for events to relay failed'));
  };
  const watching = (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        connected = false;
        log.warn('lost the connection to NATS; new events wait in the outbox');
      } else if (status.type === 'reconnect') {
        connected = true;
        log.info('reconnected to NATS; reading on from the last event seen, relaying the events that waited');
        reader.restart();
        sweep();
      }
    }
  })();

  sweep();
  const sweepTimer = setInterval(sweep, deps.sweepIntervalMs ?? 5000);
  sweepTimer.unref();

  return {
    async publish(topic, published, options = {}) {
      if (closed) throw new Error('the event bus is closed');
      assertTopic(topic);
      const payload = withEventTrace(published);
      const size =
        Buffer.byteLength(JSON.stringify(payload ?? null)) + Buffer.byteLength(topic) + ENVELOPE_BYTES;
      if (size > maxPayload()) {
        throw new IntegrationError(
          'INTERNAL',
          `An event of about ${size} bytes is over the NATS servers' max_payload of ${maxPayload()} bytes: ` +
            'publish an id subscribers read the data by, or raise max_payload on every NATS server.',
        );
      }
      if (options.tx) {
        const event = await insertOutboxEvent(options.tx, topic, payload);
        relay.relay(topic, true);
        return splitEventTrace(event);
      }
      const event = await sql.begin((tx) => insertOutboxEvent(tx, topic, payload));
      relay.relay(topic, false);
      return splitEventTrace(event);
    },
    async subscribe(matcher, handler) {
      if (closed) throw new Error('the event bus is closed');
      const remove = subscribers.add(matcher, handler);
      return async () => remove();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweepTimer);
      subscribers.clear();
      // What this process published leaves with it when NATS is there; the rest waits for another sweep.
      const flushing = new AbortController();
      await Promise.race([
        relay.idle(),
        sleep(deps.closeFlushMs ?? 5000, undefined, { signal: flushing.signal }).catch(() => {}),
      ]);
      flushing.abort();
      await relay.close();
      await reader.close();
      await nc.close();
      await watching;
    },
  };
}

async function connectToNats(deps: NatsEventBusDeps): Promise<NatsConnection> {
  try {
    return await connect({
      servers: deps.servers,
      name: 'ionflux',
      maxReconnectAttempts: -1,
      reconnectTimeWait: deps.reconnectWaitMs ?? 1000,
      ...(deps.credentials ?? {}),
    });
  } catch (error) {
    // The servers are listed without credentials; the cause names what failed (refused, authorization).
    throw new Error(`could not connect to NATS at ${deps.servers.join(', ')}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
