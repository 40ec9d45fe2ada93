/**
 * TikTok's per-endpoint limits for one user token, in its 1-minute sliding window (reference/tiktok.md
 * "Rate limits", the Content Posting API's own): calls past them are answered 429.
 */
export const TIKTOK_RATE_LIMITS: Readonly<Record<string, number>> = {
  '/v2/user/info/': 600,
  '/v2/video/list/': 600,
  '/v2/video/query/': 600,
  '/v2/post/publish/creator_info/query/': 20,
  '/v2/post/publish/video/init/': 6,
  '/v2/post/publish/inbox/video/init/': 6,
  '/v2/post/publish/status/fetch/': 30,
};

const WINDOW_MS = 60_000;
/** Accounts × endpoints tracked at once; the oldest are forgotten past it (bounded memory). */
const MAX_KEYS = 20_000;

/**
 * Keeps this process within TikTok's limits per account and endpoint: a call the window has no room for,
 * or made while TikTok's last `rate_limit_exceeded` for that account and endpoint has not expired, is not
 * sent (the caller answers RATE_LIMITED with the wait). Per process: instances count apart, so TikTok's
 * own 429 stays the authority and is remembered here.
 */
export class TikTokPacer {
  readonly #calls = new Map<string, number[]>();
  readonly #blockedUntil = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Counts a call and returns undefined, or returns the seconds to wait (the call is then not counted). */
  admit(connectionId: string, path: string): number | undefined {
    const key = `${connectionId} ${path}`;
    const now = this.#now();
    const blockedUntil = this.#blockedUntil.get(key);
    if (blockedUntil !== undefined) {
      if (blockedUntil > now) return Math.ceil((blockedUntil - now) / 1000);
      this.#blockedUntil.delete(key);
    }
    const limit = TIKTOK_RATE_LIMITS[path];
    if (limit === undefined) return undefined;
    const calls = (this.#calls.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (calls.length >= limit) {
      this.#calls.set(key, calls);
      return Math.max(1, Math.ceil(((calls[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    calls.push(now);
    this.#calls.delete(key);
    this.#calls.set(key, calls);
    if (this.#calls.size > MAX_KEYS) this.#calls.delete(this.#calls.keys().next().value ?? '');
    return undefined;
  }

  /** TikTok answered `rate_limit_exceeded`: no call for this account and endpoint for `seconds`. */
  backOff(connectionId: string, path: string, seconds: number): void {
    this.#blockedUntil.set(`${connectionId} ${path}`, this.#now() + seconds * 1000);
    if (this.#blockedUntil.size > MAX_KEYS) {
      this.#blockedUntil.delete(this.#blockedUntil.keys().next().value ?? '');
    }
  }
}
