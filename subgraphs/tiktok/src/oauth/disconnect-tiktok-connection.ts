import { IntegrationError } from '@ionflux/kit/errors';
import { revoke } from '@ionflux/kit/oauth';
import { listTikTokConnections, toTikTokConnection } from '../connections/index.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { requireTikTokOAuth } from './tiktok-oauth.ts';

/**
 * `disconnectTikTokConnection`: revokes the token at TikTok (`/v2/oauth/revoke/`), deletes the sealed
 * credentials and marks the connection DISCONNECTED (notified once).
 */
export const disconnectTikTokConnection: NonNullable<
  MutationResolvers['disconnectTikTokConnection']
> = async (_parent, { connectionId }, { oauth, db, identity }) => {
  const { deps } = requireTikTokOAuth(oauth);
  const find = async () => {
    const [record] = await listTikTokConnections(db, identity.workspaceId, { connectionId });
    if (!record)
      throw new IntegrationError('NOT_FOUND', 'That TikTok connection does not exist in this workspace.');
    return record;
  };
  const record = await find();
  await revoke(deps, { id: record.connection.id, workspace_id: identity.workspaceId });
  return toTikTokConnection(await find());
};
