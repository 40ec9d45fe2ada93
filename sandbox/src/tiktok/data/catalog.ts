import { RESEARCH_USERNAMES, SEED_CREATOR_USERNAME, seededUser, seededVideos } from './seed-data.ts';
import type { TikTokUser, TikTokVideo } from './types.ts';

/** The accounts and videos the simulator serves. */
export class Catalog {
  readonly #users = new Map<string, TikTokUser>();
  readonly #videos: TikTokVideo[] = [];
  readonly #now: () => Date;

  /** With `seed`, the creator gets 36 videos and ten other public accounts 24 each (for research). */
  constructor(now: () => Date, seed: boolean) {
    this.#now = now;
    this.addCreator(SEED_CREATOR_USERNAME, seed ? 36 : 0);
    if (seed) for (const username of RESEARCH_USERNAMES) this.addCreator(username, 24, 60);
  }

  /** Adds an account (or returns the existing one) with `videoCount` generated videos. */
  addCreator(username: string, videoCount = 12, days = 90): TikTokUser {
    const existing = this.userByUsername(username);
    if (existing) return existing;
    const user = seededUser(username);
    this.#users.set(user.userId, user);
    this.#videos.push(...seededVideos(user, videoCount, this.#now(), days));
    return user;
  }

  user(userId: string): TikTokUser | undefined {
    return this.#users.get(userId);
  }

  userByUsername(username: string): TikTokUser | undefined {
    return [...this.#users.values()].find((user) => user.username === username);
  }

  users(): TikTokUser[] {
    return [...this.#users.values()];
  }

  /** A user's videos, newest first. */
  videosOf(userId: string): TikTokVideo[] {
    return this.#videos
      .filter((video) => video.ownerId === userId)
      .sort((a, b) => b.createTime - a.createTime);
  }

  publicVideos(): TikTokVideo[] {
    return this.#videos.filter((video) => video.isPublic).sort((a, b) => b.createTime - a.createTime);
  }

  addVideo(video: TikTokVideo): void {
    this.#videos.push(video);
  }
}
