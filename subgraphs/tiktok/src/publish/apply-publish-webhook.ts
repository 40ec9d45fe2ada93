import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import { tiktokFailure } from './publish-failure.ts';
import { findPublishByTikTokId, type PublishRecord, updatePublish } from './publish-store.ts';

/** Not yet final: where a webhook may still move a publish. */
const OPEN = ['QUEUED', 'INITIATING', 'UPLOADING', 'PROCESSING'] as const;

/** `content` of a TikTok delivery: a JSON string (reference/tiktok.md "Developer webhooks"). */
function contentOf(payload: unknown): Record<string, unknown> {
  const raw = (payload as { content?: unknown } | null)?.content;
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Applies a `post.publish.*` delivery to the publish TikTok names by `publish_id`, only if it belongs to
 * a connection of the delivery's `user_openid`: `complete` and `publicly_available` (its `post_id`)
 * settle it as PUBLISH_COMPLETE, `failed` as FAILED with TikTok's `reason` (POLICY_VIOLATION for
 * moderation), `no_longer_publicly_available` drops the post id. A publish already settled keeps its
 * outcome; a replay changes nothing. Resolves the updated publish, or undefined when nothing changed.
 */
export async function applyPublishWebhook(
  handles: { sql: Sql; bus: EventBus },
  event: { topic: string; openId: string | null; payload: unknown },
): Promise<PublishRecord | undefined> {
  const content = contentOf(event.payload);
  const publishId = content['publish_id'];
  if (!event.openId || typeof publishId !== 'string' || publishId === '') return undefined;
  const record = await findPublishByTikTokId(handles.sql, event.openId, publishId);
  if (!record) return undefined;
  const postId =
    typeof content['post_id'] === 'string' || typeof content['post_id'] === 'number'
      ? String(content['post_id'])
      : undefined;
  switch (event.topic) {
    case 'post.publish.complete':
      return updatePublish(
        handles,
        record,
        { status: 'PUBLISH_COMPLETE', tiktokStatus: 'PUBLISH_COMPLETE' },
        { from: OPEN },
      );
    case 'post.publish.publicly_available': {
      if (!postId || record.postIds.includes(postId)) {
        return record.status === 'PUBLISH_COMPLETE'
          ? undefined
          : updatePublish(
              handles,
              record,
              { status: 'PUBLISH_COMPLETE', tiktokStatus: 'PUBLISH_COMPLETE' },
              { from: OPEN },
            );
      }
      return updatePublish(
        handles,
        record,
        {
          status: 'PUBLISH_COMPLETE',
          tiktokStatus: 'PUBLISH_COMPLETE',
          postIds: [...record.postIds, postId],
        },
        { from: [...OPEN, 'PUBLISH_COMPLETE'] },
      );
    }
    case 'post.publish.no_longer_publicly_available':
      if (!postId || !record.postIds.includes(postId)) return undefined;
      return updatePublish(
        handles,
        record,
        { postIds: record.postIds.filter((id) => id !== postId) },
        { from: ['PUBLISH_COMPLETE'] },
      );
    case 'post.publish.failed': {
      const reason = typeof content['reason'] === 'string' ? content['reason'] : undefined;
      return updatePublish(
        handles,
        record,
        { status: 'FAILED', tiktokStatus: 'FAILED', ...tiktokFailure(reason) },
        { from: OPEN },
      );
    }
    default:
      return undefined;
  }
}
