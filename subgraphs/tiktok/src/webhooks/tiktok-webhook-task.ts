import type { TaskDefinition } from '@ionflux/kit/jobs';
import { markAuthInvalid, type OAuthDeps } from '@ionflux/kit/oauth';
import { defineWebhookProcessingTask, type WebhookSource } from '@ionflux/kit/webhooks';
import { applyPublishWebhook } from '../publish/apply-publish-webhook.ts';
import { tiktokProvider } from '../registration.ts';

/**
 * `authorization.removed`: the user removed the app, so every live connection of that open_id goes to
 * NEEDS_REAUTH (the workspace is told once; a replay changes nothing). Resolves how many changed.
 */
export async function applyAuthorizationRemoved(deps: OAuthDeps, openId: string): Promise<number> {
  const rows = await deps.sql<{ id: string; workspace_id: string }[]>`
    select id, workspace_id from kit.integration_connections
    where provider = ${tiktokProvider.id} and account_id = ${openId}
      and status not in ('DISCONNECTED', 'NEEDS_REAUTH')`;
  let changed = 0;
  for (const row of rows) {
    if (await markAuthInvalid(deps, row.id, row.workspace_id, 'The user removed the app on TikTok.')) {
      changed += 1;
    }
  }
  return changed;
}

/**
 * Applies stored TikTok deliveries: `authorization.removed` → NEEDS_REAUTH; post status events
 * (`post.publish.*`) → the publish TikTok names (see `applyPublishWebhook`), whose subscribers hear it.
 */
export function tiktokWebhookTask(
  deps: OAuthDeps,
  source: WebhookSource,
  maxAttempts: number,
): TaskDefinition<{ deliveryId: string }> {
  return defineWebhookProcessingTask({
    sql: deps.sql,
    source,
    maxAttempts,
    async apply(delivery, { logger }) {
      if (delivery.topic === 'authorization.removed' && delivery.accountId) {
        const changed = await applyAuthorizationRemoved(deps, delivery.accountId);
        logger.info({ changed }, 'tiktok authorization removed');
      } else if (delivery.topic.startsWith('post.publish.')) {
        const applied = await applyPublishWebhook(deps, {
          topic: delivery.topic,
          openId: delivery.accountId,
          payload: delivery.payload,
        });
        logger.info({ jobId: applied?.id, status: applied?.status }, 'tiktok publish webhook applied');
      }
    },
  });
}
