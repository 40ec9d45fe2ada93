import type { TikTokVideo } from '../data/types.ts';

/** Every field `/v2/video/list/` and `/v2/video/query/` can return. */
export const DISPLAY_VIDEO_FIELDS = [
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
] as const;

function displayValue(video: TikTokVideo, field: string): unknown {
  const shareUrl = `https://www.tiktok.com/@${video.username}/video/${video.id}`;
  switch (field) {
    case 'id':
      return video.id;
    case 'create_time':
      return video.createTime;
    case 'cover_image_url':
      return `https://p16-sign.tiktokcdn-us.com/sandbox/cover/${video.id}.jpeg`;
    case 'share_url':
      return shareUrl;
    case 'video_description':
      return video.description;
    case 'duration':
      return video.duration;
    case 'height':
      return video.height;
    case 'width':
      return video.width;
    case 'title':
      return video.title;
    case 'embed_html':
      return `<blockquote class="tiktok-embed" cite="${shareUrl}" data-video-id="${video.id}"></blockquote>`;
    case 'embed_link':
      return `https://www.tiktok.com/player/v1/${video.id}`;
    case 'like_count':
      return video.likeCount;
    case 'comment_count':
      return video.commentCount;
    case 'share_count':
      return video.shareCount;
    case 'view_count':
      return video.viewCount;
    default:
      return undefined;
  }
}

/** The fields of `fields` that are not Display API video fields. */
export function unknownVideoFields(fields: readonly string[]): string[] {
  return fields.filter((field) => !(DISPLAY_VIDEO_FIELDS as readonly string[]).includes(field));
}

/** A video as the Display API returns it: only the requested fields. */
export function displayVideo(video: TikTokVideo, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, displayValue(video, field)]));
}
