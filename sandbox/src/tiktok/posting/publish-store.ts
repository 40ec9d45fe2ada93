import { randomBytes } from 'node:crypto';
import type { ChunkPlan } from './chunk-rules.ts';

export type PublishStatus =
  | 'PROCESSING_UPLOAD'
  | 'PROCESSING_DOWNLOAD'
  | 'SEND_TO_USER_INBOX'
  | 'PUBLISH_COMPLETE'
  | 'FAILED';

/** The moderation verdict used when a failure is forced without a reason. */
export const DEFAULT_FAIL_REASON = 'spam_risk_text';
/** A caption containing this hashtag fails moderation, so end-to-end tests need no control call. */
export const MODERATION_FAIL_HASHTAG = '#sandbox_moderation_fail';

export interface Publish {
  id: string;
  uploadId: string;
  uploadToken: string;
  grantId: string;
  openId: string;
  userId: string;
  mode: 'DIRECT_POST' | 'INBOX';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  title: string;
  privacyLevel: string;
  plan: ChunkPlan | undefined;
  receivedChunks: Set<number>;
  uploadedBytes: number;
  createdAt: number;
  /** When all bytes had arrived (FILE_UPLOAD) or the download began (PULL_FROM_URL). */
  readyAt: number | undefined;
  failReason: string | undefined;
  settled: { status: PublishStatus; postId: string | undefined } | undefined;
}

export interface PublishTimings {
  /** How long processing (and moderation) takes once the bytes are in. @default 2000 */
  processingMs: number;
  /** How long a PULL_FROM_URL download takes. @default 1000 */
  downloadMs: number;
}

/** Publishes and their progress through TikTok's states, computed from the simulator's clock. */
export class PublishStore {
  readonly #publishes = new Map<string, Publish>();
  readonly #now: () => number;
  readonly #timings: PublishTimings;
  readonly #onSettled: (publish: Publish) => void;
  #failNext: string | undefined;
  #counter = 0;

  constructor(now: () => number, timings: PublishTimings, onSettled: (publish: Publish) => void) {
    this.#now = now;
    this.#timings = timings;
    this.#onSettled = onSettled;
  }

  create(
    input: Pick<
      Publish,
      'grantId' | 'openId' | 'userId' | 'mode' | 'source' | 'title' | 'privacyLevel' | 'plan'
    >,
  ): Publish {
    this.#counter += 1;
    const kind = `${input.mode === 'INBOX' ? 'inbox_' : 'pub_'}${input.source === 'FILE_UPLOAD' ? 'file' : 'url'}`;
    const forced =
      this.#failNext ?? (input.title.includes(MODERATION_FAIL_HASHTAG) ? DEFAULT_FAIL_REASON : undefined);
    this.#failNext = undefined;
    const publish: Publish = {
      ...input,
      id: `v_${kind}~v2-1.${7_300_000_000_000_000_000n + BigInt(this.#counter)}`,
      uploadId: randomBytes(12).toString('hex'),
      uploadToken: randomBytes(16).toString('base64url'),
      receivedChunks: new Set(),
      uploadedBytes: 0,
      createdAt: this.#now(),
      readyAt: input.source === 'PULL_FROM_URL' ? this.#now() + this.#timings.downloadMs : undefined,
      failReason: forced,
      settled: undefined,
    };
    this.#publishes.set(publish.id, publish);
    return publish;
  }

  get(id: string): Publish | undefined {
    return this.#publishes.get(id);
  }

  byUpload(uploadId: string): Publish | undefined {
    return [...this.#publishes.values()].find((publish) => publish.uploadId === uploadId);
  }

  list(): Publish[] {
    return [...this.#publishes.values()];
  }

  /** Records an uploaded chunk; true once every chunk has arrived. */
  receiveChunk(publish: Publish, index: number, bytes: number): boolean {
    if (!publish.receivedChunks.has(index)) {
      publish.receivedChunks.add(index);
      publish.uploadedBytes += bytes;
    }
    const complete = publish.receivedChunks.size === publish.plan?.totalChunkCount;
    if (complete && publish.readyAt === undefined) publish.readyAt = this.#now();
    return complete;
  }

  /** Makes the next publish created fail moderation. */
  failNext(reason = DEFAULT_FAIL_REASON): void {
    this.#failNext = reason;
  }

  /** Makes an unsettled publish fail moderation; false when it is unknown or already settled. */
  fail(id: string, reason = DEFAULT_FAIL_REASON): boolean {
    const publish = this.#publishes.get(id);
    if (!publish || publish.settled) return false;
    publish.failReason = reason;
    return true;
  }

  /** The publish's state now, settling it (once) when processing is over. */
  status(publish: Publish): PublishStatus {
    if (publish.settled) return publish.settled.status;
    const now = this.#now();
    if (publish.source === 'PULL_FROM_URL' && publish.readyAt !== undefined && now < publish.readyAt)
      return 'PROCESSING_DOWNLOAD';
    if (publish.readyAt === undefined || now < publish.readyAt + this.#timings.processingMs)
      return 'PROCESSING_UPLOAD';
    const status =
      publish.failReason !== undefined
        ? 'FAILED'
        : publish.mode === 'INBOX'
          ? 'SEND_TO_USER_INBOX'
          : 'PUBLISH_COMPLETE';
    publish.settled = { status, postId: undefined };
    this.#onSettled(publish);
    return status;
  }

  /** Settles every publish whose processing is over (run periodically so webhooks go out unasked). */
  settleDue(): void {
    for (const publish of this.#publishes.values()) this.status(publish);
  }
}
