import { accounts } from '@ionflux/drizzle/tiktok';
import type { Database } from '@ionflux/kit/db';
import { getAccessToken, type OAuthDeps } from '@ionflux/kit/oauth';
import { dataOf, exchangeWithTikTok, type TikTokAnswer } from '../api/call-tiktok.ts';
import { failedCall } from '../api/failed-call.ts';

// Each user field needs its scope (reference/tiktok.md "Display API"): ask only for what was granted,
// else TikTok refuses the whole call with scope_not_authorized.
const FIELDS_BY_SCOPE: Record<string, readonly string[]> = {
  'user.info.basic': ['open_id', 'avatar_url', 'display_name'],
  'user.info.profile': ['username'],
  'user.info.stats': ['follower_count', 'following_count', 'likes_count', 'video_count'],
};

interface UserInfo {
  open_id?: string;
  avatar_url?: string;
  display_name?: string;
  username?: string;
  follower_count?: number;
  following_count?: number;
  likes_count?: number;
  video_count?: number;
}

/**
 * Fills the account mirror (`tiktok.accounts`) of a connection from `/v2/user/info/`, with the fields its
 * granted scopes allow. Returns whether TikTok answered with the user; a refusal leaves the mirror as it
 * was (the connection is still made, and the next sync fills it) and throws only when TikTok could not
 * be reached. The call counts for the connection's health (`deps.health`) like any other.
 */
export async function syncTikTokAccount(
  deps: OAuthDeps,
  db: Database,
  apiOrigin: string,
  connection: { id: string; workspace_id: string; account_id: string; scopes: readonly string[] },
): Promise<boolean> {
  const fields = connection.scopes.flatMap((scope) => FIELDS_BY_SCOPE[scope] ?? []);
  if (fields.length === 0) return false;
  const token = await getAccessToken(deps, connection.id, connection.workspace_id);
  let answer: TikTokAnswer;
  try {
    answer = await exchangeWithTikTok(
      apiOrigin,
      { method: 'GET', path: '/v2/user/info/', query: { fields: fields.join(',') } },
      token.accessToken,
    );
  } catch (error) {
    deps.health?.record(connection.id, failedCall(error));
    throw error;
  }
  let user: UserInfo;
  try {
    user = dataOf<{ user?: UserInfo }>(answer).user ?? {};
  } catch (error) {
    deps.health?.record(connection.id, failedCall(error));
    return false;
  }
  deps.health?.record(connection.id, { ok: true });
  const values = {
    workspaceId: connection.workspace_id,
    openId: connection.account_id,
    username: user.username ?? null,
    displayName: user.display_name ?? null,
    avatarUrl: user.avatar_url ?? null,
    followerCount: user.follower_count ?? null,
    followingCount: user.following_count ?? null,
    likesCount: user.likes_count ?? null,
    videoCount: user.video_count ?? null,
    updatedAt: new Date(),
  };
  await db
    .insert(accounts)
    .values({ connectionId: connection.id, ...values })
    .onConflictDoUpdate({ target: accounts.connectionId, set: values });
  return true;
}
