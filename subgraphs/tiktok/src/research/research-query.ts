import { IntegrationError } from '@ionflux/kit/errors';

/** TikTok's Research API window: end_date at most 30 days after start_date. @default 30 */
export const RESEARCH_MAX_WINDOW_DAYS = 30;
/** TikTok's `max_count` bound per research page. @default 100 */
export const RESEARCH_MAX_COUNT = 100;
/** Values per list argument (keywords, hashtags, regions) sent to TikTok. @default 20 */
export const RESEARCH_MAX_VALUES = 20;

const DAY_MS = 86_400_000;
const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;
const REGION = /^[A-Z]{2}$/;
const USERNAME = /^[A-Za-z0-9._]{2,24}$/;
const CURSOR = /^(\d{1,25})\.(\d{1,6})$/;

/** One condition of TikTok's research query language (reference/tiktok.md "Research API"). */
export interface ResearchCondition {
  operation: 'EQ' | 'IN';
  field_name: 'keyword' | 'hashtag_name' | 'region_code' | 'username';
  field_values: string[];
}

export interface ResearchQuery {
  and?: ResearchCondition[];
  or?: ResearchCondition[];
}

/** What the caller searches for: any of the keywords or hashtags, in any of the regions (all when none). */
export interface ResearchFilter {
  keywords?: readonly string[] | null | undefined;
  hashtags?: readonly string[] | null | undefined;
  regions?: readonly string[] | null | undefined;
  username?: string | undefined;
}

const invalid = (message: string) => new IntegrationError('INVALID_REQUEST', message);

function listOf(name: string, values: readonly string[] | null | undefined, check: (v: string) => string) {
  const list = [...new Set((values ?? []).map(check))];
  if (list.length > RESEARCH_MAX_VALUES) throw invalid(`Give at most ${RESEARCH_MAX_VALUES} ${name}.`);
  return list;
}

/** TikTok's query for a filter, refused INVALID_REQUEST before any call when a value is malformed. */
export function researchQuery(filter: ResearchFilter): ResearchQuery {
  const keywords = listOf('keywords', filter.keywords, (keyword) => {
    const trimmed = keyword.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw invalid('A keyword is 1-100 characters.');
    return trimmed;
  });
  const hashtags = listOf('hashtags', filter.hashtags, (hashtag) => {
    const name = hashtag.trim().replace(/^#/, '').toLowerCase();
    if (!HASHTAG.test(name))
      throw invalid(`"${hashtag.slice(0, 100)}" is not a hashtag (letters, digits, _).`);
    return name;
  });
  const regions = listOf('regions', filter.regions, (region) => {
    const code = region.trim().toUpperCase();
    if (!REGION.test(code))
      throw invalid(`"${region.slice(0, 10)}" is not a two-letter region code (e.g. US).`);
    return code;
  });
  const and: ResearchCondition[] = [];
  if (filter.username !== undefined) {
    if (!USERNAME.test(filter.username)) {
      throw invalid('A TikTok username is 2-24 letters, digits, periods or underscores (no @).');
    }
    and.push({ operation: 'EQ', field_name: 'username', field_values: [filter.username] });
  }
  if (regions.length > 0) and.push({ operation: 'IN', field_name: 'region_code', field_values: regions });
  const or: ResearchCondition[] = [];
  if (hashtags.length > 0) or.push({ operation: 'IN', field_name: 'hashtag_name', field_values: hashtags });
  if (keywords.length > 0) or.push({ operation: 'IN', field_name: 'keyword', field_values: keywords });
  if (and.length === 0 && or.length === 0) throw invalid('Give at least one keyword or hashtag.');
  return { ...(and.length > 0 ? { and } : {}), ...(or.length > 0 ? { or } : {}) };
}

const yyyymmdd = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

/**
 * TikTok's `start_date`/`end_date` (UTC days) for `from`-`to`, refused INVALID_REQUEST before any call
 * when they are reversed or further apart than TikTok's 30-day window.
 */
export function researchWindow(from: Date, to: Date): { start_date: string; end_date: string } {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid('from and to must be dates.');
  if (to < from) throw invalid('to must not be before from.');
  const startDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const endDay = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  if (endDay - startDay > RESEARCH_MAX_WINDOW_DAYS * DAY_MS) {
    throw invalid(
      `TikTok's Research API searches at most ${RESEARCH_MAX_WINDOW_DAYS} days at a time: narrow from-to ` +
        'and page through the periods.',
    );
  }
  return { start_date: yyyymmdd(from), end_date: yyyymmdd(to) };
}

/** The last `days` (1-30) up to now, as a research window. */
export function lastDays(days: number, now: Date): { from: Date; to: Date } {
  if (!Number.isInteger(days) || days < 1 || days > RESEARCH_MAX_WINDOW_DAYS) {
    throw invalid(`days must be between 1 and ${RESEARCH_MAX_WINDOW_DAYS}.`);
  }
  return { from: new Date(now.getTime() - days * DAY_MS), to: now };
}

/** A page's `endCursor`: TikTok's `search_id` (which pins the result set) and its cursor. */
export function encodeResearchCursor(searchId: string, cursor: number): string {
  return `${searchId}.${cursor}`;
}

/** Reads an `after` given back by the caller; INVALID_REQUEST when it is not an `endCursor`. */
export function decodeResearchCursor(after: string): { searchId: string; cursor: number } {
  const match = CURSOR.exec(after);
  if (!match) throw invalid('after must be an endCursor of a previous page.');
  return { searchId: match[1] ?? '', cursor: Number(match[2]) };
}
