/** The per-user scopes Login Kit grants. Research access belongs to the client, not to users. */
export const USER_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.upload',
  'video.publish',
] as const;

export type UserScope = (typeof USER_SCOPES)[number];

export function isUserScope(value: string): value is UserScope {
  return (USER_SCOPES as readonly string[]).includes(value);
}

/** The scope each `/v2/user/info/` field needs. */
export const USER_FIELD_SCOPES: Record<string, UserScope> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

/** Splits a comma-separated `fields` or `scope` parameter. */
export function splitList(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : [];
}
