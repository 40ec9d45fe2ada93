import type { Sql } from '@ionflux/kit/db';
import { IntegrationError } from '@ionflux/kit/errors';
import { type EventBus, subscribeIterator } from '@ionflux/kit/events';
import type { TikTokPublish } from '../generated/resolvers-types.ts';
import { findPublish, isFinal, publishTopic } from './publish-store.ts';
import { toTikTokPublish } from './to-tiktok-publish.ts';

/** How often an open stream reads the publish again without an event. @default 5000 */
const RECHECK_MS = 5000;

/**
 * `Subscription.tiktokPublishStatus`: NOT_FOUND unless the publish is the caller's workspace's; else its
 * state now, then each newer version as the bus announces it (read again from the database, so an event
 * carries nothing but an id), ending after a final state. The bus is subscribed before the first read,
 * and the publish is read again every few seconds without an event, so no change is missed.
 */
export async function subscribePublishStatus(
  handles: { sql: Sql; bus: EventBus },
  workspaceId: string,
  jobId: string,
): Promise<AsyncIterableIterator<{ tiktokPublishStatus: TikTokPublish }>> {
  const notFound = () => new IntegrationError('NOT_FOUND', 'That publish does not exist in this workspace.');
  // Checked before anything is subscribed: another workspace's id opens nothing.
  if (!(await findPublish(handles.sql, workspaceId, jobId))) throw notFound();
  const events = subscribeIterator(handles.bus, publishTopic(workspaceId, jobId), () => undefined);
  let shown = 0;
  let pending: Promise<IteratorResult<undefined>> | undefined;
  let finished = false;
  const nextState = async (): Promise<IteratorResult<{ tiktokPublishStatus: TikTokPublish }>> => {
    for (;;) {
      if (finished) return { done: true, value: undefined };
      const record = await findPublish(handles.sql, workspaceId, jobId);
      if (!record) {
        await events.return?.();
        throw notFound();
      }
      if (record.version > shown) {
        shown = record.version;
        if (isFinal(record.status)) {
          finished = true;
          await events.return?.();
        }
        return { done: false, value: { tiktokPublishStatus: toTikTokPublish(record) } };
      }
      // An event wakes us at once; the timer covers a change committed while the bus subscription was
      // still being set up.
      pending ??= events.next().finally(() => {
        pending = undefined;
      });
      let timer: NodeJS.Timeout | undefined;
      const woke = await Promise.race([
        pending,
        new Promise<'timer'>((resolve) => {
          timer = setTimeout(() => resolve('timer'), RECHECK_MS);
        }),
      ]);
      clearTimeout(timer);
      if (woke !== 'timer' && woke.done) return { done: true, value: undefined };
    }
  };
  const iterator: AsyncIterableIterator<{ tiktokPublishStatus: TikTokPublish }> = {
    next: nextState,
    async return() {
      finished = true;
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
