import type { Catalog } from '../data/catalog.ts';
import { Prng } from '../data/prng.ts';
import type { WebhookSender } from '../webhooks/webhook-sender.ts';
import type { Publish } from './publish-store.ts';

/**
 * What happens when a publish leaves processing: a direct post becomes a video on the creator's
 * profile (listed by the Display API when public), and the app hears about it by webhook.
 */
export function settlePublish(catalog: Catalog, webhooks: WebhookSender, now: () => Date) {
  return (publish: Publish): void => {
    const publishType = publish.mode === 'INBOX' ? 'INBOX_SHARE' : 'DIRECT_PUBLISH';
    const status = publish.settled?.status;
    if (status === 'FAILED') {
      webhooks.send('post.publish.failed', publish.openId, {
        publish_id: publish.id,
        reason: publish.failReason,
        publish_type: publishType,
      });
      return;
    }
    if (status === 'SEND_TO_USER_INBOX') {
      webhooks.send('post.publish.inbox_delivered', publish.openId, {
        publish_id: publish.id,
        publish_type: publishType,
      });
      return;
    }
    const user = catalog.user(publish.userId);
    if (!user || !publish.settled) return;
    const prng = new Prng(`publish:${publish.id}`);
    const isPublic = publish.privacyLevel === 'PUBLIC_TO_EVERYONE';
    const hashtags = [...publish.title.matchAll(/#(\w+)/g)].map((match) => match[1] ?? '');
    const id = prng.digits(19);
    catalog.addVideo({
      id,
      ownerId: user.userId,
      username: user.username,
      title: publish.title.replace(/#\w+/g, '').trim(),
      description: publish.title,
      duration: prng.int(10, 60),
      createTime: Math.floor(now().getTime() / 1000),
      width: 1080,
      height: 1920,
      viewCount: 0,
      likeCount: 0,
      commentCount: 0,
      shareCount: 0,
      hashtagNames: hashtags,
      regionCode: user.regionCode,
      musicId: prng.digits(19),
      effectIds: [],
      voiceToText: '',
      isPublic,
    });
    if (isPublic) publish.settled.postId = id;
    webhooks.send('post.publish.complete', publish.openId, {
      publish_id: publish.id,
      publish_type: publishType,
    });
    if (isPublic) {
      webhooks.send('post.publish.publicly_available', publish.openId, {
        publish_id: publish.id,
        post_id: id,
        publish_type: publishType,
      });
    }
  };
}
