import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface EventStreamConfig {
  /** JetStream stream name. */
  name: string;
  /** Subjects `<subjectPrefix>.>` are the stream's. */
  subjectPrefix: string;
  /** How long the stream keeps an event (what a consumer can replay after an outage). */
  maxAgeMs: number;
  /** How long JetStream remembers an event id to drop a second store of it. */
  duplicateWindowMs: number;
  /** Copies kept in a NATS cluster (1 on a single server, 3 in a cluster of 3 or more). */
  replicas: number;
}

/**
 * Finds the event stream or creates it: file storage, limits retention (events expire by age, not by
 * being read, so every instance can replay), old events discarded first. An existing stream is used as
 * it is, so an operator may create or edit it (replicas, age, size) with the `nats` tool; it only has to
 * take the bus's subjects.
 */
export async function ensureEventStream(
  jsm: JetStreamManager,
  config: EventStreamConfig,
): Promise<StreamInfo> {
  const subjects = `${config.subjectPrefix}.>`;
  for (let attempt = 1; ; attempt++) {
    try {
      const info = await jsm.streams.info(config.name);
      if (!info.config.subjects?.includes(subjects)) {
        throw new Error(
          `the JetStream stream ${config.name} exists without the subject ${subjects}: add it (nats stream edit) or name another stream`,
        );
      }
      return info;
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    try {
      return await jsm.streams.add({
        name: config.name,
        subjects: [subjects],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        max_age: nanos(config.maxAgeMs),
        duplicate_window: nanos(Math.min(config.duplicateWindowMs, config.maxAgeMs)),
        num_replicas: config.replicas,
      });
    } catch (error) {
      // Another instance created it between our two requests: read it again.
      if (attempt >= 3) throw error;
    }
  }
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}
