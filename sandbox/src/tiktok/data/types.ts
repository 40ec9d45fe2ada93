/** A TikTok account the simulator knows, with its public profile and counters. */
export interface TikTokUser {
  /** Internal id; apps see it only as an open_id (per app) or union_id (per developer). */
  userId: string;
  username: string;
  displayName: string;
  avatarUrl: string;
  bioDescription: string;
  isVerified: boolean;
  followerCount: number;
  followingCount: number;
  likesCount: number;
  regionCode: string;
}

/** A posted video, with the public counters the Display and Research APIs report. */
export interface TikTokVideo {
  id: string;
  ownerId: string;
  username: string;
  title: string;
  description: string;
  /** Seconds. */
  duration: number;
  /** Unix seconds. */
  createTime: number;
  width: number;
  height: number;
  viewCount: number;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  hashtagNames: string[];
  regionCode: string;
  musicId: string;
  effectIds: string[];
  voiceToText: string;
  isPublic: boolean;
}
