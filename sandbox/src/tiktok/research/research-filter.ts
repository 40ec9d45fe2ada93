import type { TikTokVideo } from '../data/types.ts';

/** One condition of a Research API query. */
export interface ResearchCondition {
  operation: 'EQ' | 'IN' | 'GT' | 'GTE' | 'LT' | 'LTE';
  field_name: string;
  field_values: string[];
}

export interface ResearchQuery {
  and?: ResearchCondition[];
  or?: ResearchCondition[];
  not?: ResearchCondition[];
}

const OPERATIONS = ['EQ', 'IN', 'GT', 'GTE', 'LT', 'LTE'];
const FIELDS = [
  'create_date',
  'username',
  'region_code',
  'video_id',
  'hashtag_name',
  'keyword',
  'music_id',
  'effect_id',
  'video_length',
];

/** UTC `YYYYMMDD` of a unix-seconds timestamp. */
export function dateOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}

function videoLength(duration: number): string {
  if (duration < 15) return 'SHORT';
  if (duration <= 60) return 'MID';
  if (duration <= 180) return 'LONG';
  return 'EXTRA_LONG';
}

/** The values a video has for a field (several for hashtags and effects). */
function valuesOf(video: TikTokVideo, field: string): string[] {
  switch (field) {
    case 'create_date':
      return [dateOf(video.createTime)];
    case 'username':
      return [video.username];
    case 'region_code':
      return [video.regionCode];
    case 'video_id':
      return [video.id];
    case 'hashtag_name':
      return video.hashtagNames;
    case 'music_id':
      return [video.musicId];
    case 'effect_id':
      return video.effectIds;
    case 'video_length':
      return [videoLength(video.duration)];
    default:
      return [];
  }
}

function matches(video: TikTokVideo, condition: ResearchCondition): boolean {
  const wanted = condition.field_values.map((value) => value.toLowerCase());
  if (condition.field_name === 'keyword') {
    const text = video.description.toLowerCase();
    return wanted.some((keyword) => text.includes(keyword));
  }
  const values = valuesOf(video, condition.field_name).map((value) => value.toLowerCase());
  const first = wanted[0] ?? '';
  const compare = (value: string) => value.localeCompare(first, 'en', { numeric: true });
  switch (condition.operation) {
    case 'EQ':
      return values.includes(first);
    case 'IN':
      return values.some((value) => wanted.includes(value));
    case 'GT':
      return values.some((value) => compare(value) > 0);
    case 'GTE':
      return values.some((value) => compare(value) >= 0);
    case 'LT':
      return values.some((value) => compare(value) < 0);
    case 'LTE':
      return values.some((value) => compare(value) <= 0);
    default:
      return false;
  }
}

/** Reads the `query` object; returns the reason when a condition is malformed. */
export function readResearchQuery(value: unknown): ResearchQuery | string {
  if (typeof value !== 'object' || value === null) return 'query is required.';
  const query: ResearchQuery = {};
  for (const clause of ['and', 'or', 'not'] as const) {
    const raw = (value as Record<string, unknown>)[clause];
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) return `query.${clause} must be a list of conditions.`;
    for (const condition of raw as ResearchCondition[]) {
      if (!OPERATIONS.includes(condition?.operation)) return `Invalid operation in query.${clause}.`;
      if (!FIELDS.includes(condition.field_name))
        return `Invalid field_name ${String(condition.field_name)} in query.${clause}.`;
      if (!Array.isArray(condition.field_values) || condition.field_values.length === 0) {
        return `field_values must be a non-empty list in query.${clause}.`;
      }
    }
    query[clause] = raw as ResearchCondition[];
  }
  if (!query.and?.length && !query.or?.length && !query.not?.length)
    return 'query must hold at least one condition.';
  return query;
}

/** `and`: every condition; `or`: at least one (when any are given); `not`: none. */
export function matchesQuery(video: TikTokVideo, query: ResearchQuery): boolean {
  if (query.and && !query.and.every((condition) => matches(video, condition))) return false;
  if (query.or?.length && !query.or.some((condition) => matches(video, condition))) return false;
  if (query.not?.some((condition) => matches(video, condition))) return false;
  return true;
}
