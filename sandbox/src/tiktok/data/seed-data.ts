import { Prng } from './prng.ts';
import type { TikTokUser, TikTokVideo } from './types.ts';

const HASHTAGS = [
  'ootd',
  'fashion',
  'skincare',
  'grwm',
  'streetwear',
  'thrift',
  'makeup',
  'styletips',
  'haul',
  'sustainablefashion',
  'fitcheck',
  'beauty',
];
const REGIONS = ['US', 'CA', 'GB', 'BR', 'DE', 'FR', 'JP', 'MX'];
const SUBJECTS = [
  'linen blazer',
  'wide-leg jeans',
  'vitamin C serum',
  'capsule wardrobe',
  'vintage denim jacket',
  'spring lookbook',
  'sneaker rotation',
  'night routine',
  'thrift flip',
  'silk scarf',
  'office outfit',
  'festival fit',
];
const FORMATS = [
  '3 ways to style a',
  'Honest review:',
  'Get ready with me featuring the',
  'Is this worth it?',
  'Styling the',
  'Day 12 of wearing the',
];

/** The creator every fresh simulator has, whose account the authorize page logs in as by default. */
export const SEED_CREATOR_USERNAME = 'ionflux.stylist';

/** A creator profile generated from the username alone. */
export function seededUser(username: string): TikTokUser {
  const prng = new Prng(`user:${username}`);
  const followerCount = prng.int(8_000, 450_000);
  return {
    userId: `u${prng.digits(18)}`,
    username,
    displayName: username
      .split(/[._]/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(' '),
    avatarUrl: `https://p16-sign.tiktokcdn-us.com/sandbox/avatar/${username}.jpeg`,
    bioDescription: `Style notes from ${username}. Links below ✨`,
    isVerified: prng.next() < 0.3,
    followerCount,
    followingCount: prng.int(50, 900),
    likesCount: followerCount * prng.int(8, 30),
    regionCode: prng.pick(REGIONS),
  };
}

/**
 * `count` videos for a user, newest first, spread over the `days` before `now`, with counters that
 * look like a real account's (views dominate, likes a few percent of views, shares and comments fewer).
 */
export function seededVideos(user: TikTokUser, count: number, now: Date, days = 90): TikTokVideo[] {
  const prng = new Prng(`videos:${user.username}`);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const videos: TikTokVideo[] = [];
  for (let i = 0; i < count; i += 1) {
    const subject = prng.pick(SUBJECTS);
    const tags = prng.sample(HASHTAGS, prng.int(2, 4));
    const title = `${prng.pick(FORMATS)} ${subject}`;
    const viewCount = prng.int(1_500, 900_000);
    const duration = prng.pick([9, 14, 21, 34, 47, 58, 75, 112, 190]);
    videos.push({
      id: prng.digits(19),
      ownerId: user.userId,
      username: user.username,
      title,
      description: `${title} ${tags.map((tag) => `#${tag}`).join(' ')}`,
      duration,
      createTime: nowSeconds - Math.floor(((i + prng.next()) * days * 86_400) / count),
      width: 1080,
      height: 1920,
      viewCount,
      likeCount: Math.floor(viewCount * (0.02 + prng.next() * 0.1)),
      commentCount: Math.floor(viewCount * (0.001 + prng.next() * 0.006)),
      shareCount: Math.floor(viewCount * (0.001 + prng.next() * 0.01)),
      hashtagNames: tags,
      regionCode: prng.next() < 0.7 ? user.regionCode : prng.pick(REGIONS),
      musicId: prng.digits(19),
      effectIds: prng.next() < 0.3 ? [prng.digits(6)] : [],
      voiceToText: `Today I am showing you the ${subject}.`,
      isPublic: true,
    });
  }
  return videos;
}

/** Other public accounts whose videos the Research API searches alongside the seeded creator's. */
export const RESEARCH_USERNAMES = [
  'maya.wears',
  'thrift.theo',
  'glow.by.ines',
  'streetstyle.kai',
  'capsule.clara',
  'denim.dan',
  'skin.science.sam',
  'petite.priya',
  'vintage.vera',
  'fitcheck.felix',
];
