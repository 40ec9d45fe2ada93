/** The endpoints that have their own per-token limits. */
export type RateLimitedEndpoint =
  | 'user_info'
  | 'video_list'
  | 'video_query'
  | 'creator_info'
  | 'post_init'
  | 'status_fetch'
  | 'research';

/** Requests per window, per access token, as TikTok documents them. */
export const DEFAULT_RATE_LIMITS: Record<RateLimitedEndpoint, { limit: number; windowMs: number }> = {
  user_info: { limit: 600, windowMs: 60_000 },
  video_list: { limit: 600, windowMs: 60_000 },
  video_query: { limit: 600, windowMs: 60_000 },
  creator_info: { limit: 20, windowMs: 60_000 },
  post_init: { limit: 6, windowMs: 60_000 },
  status_fetch: { limit: 30, windowMs: 60_000 },
  research: { limit: 1000, windowMs: 86_400_000 },
};

/** A sliding-window counter per (endpoint, token), on the simulator's clock. */
export class RateLimiter {
  readonly #limits: Record<RateLimitedEndpoint, { limit: number; windowMs: number }>;
  readonly #hits = new Map<string, number[]>();

  constructor(overrides: Partial<Record<RateLimitedEndpoint, number>> = {}) {
    this.#limits = structuredClone(DEFAULT_RATE_LIMITS);
    for (const [endpoint, limit] of Object.entries(overrides) as [RateLimitedEndpoint, number][]) {
      this.setLimit(endpoint, limit);
    }
  }

  setLimit(endpoint: RateLimitedEndpoint, limit: number): void {
    this.#limits[endpoint] = { ...this.#limits[endpoint], limit };
  }

  /** Counts a request; false when it is over the limit (and then it is not counted). */
  allow(endpoint: RateLimitedEndpoint, token: string, nowMs: number): boolean {
    const { limit, windowMs } = this.#limits[endpoint];
    const key = `${endpoint} ${token}`;
    const recent = (this.#hits.get(key) ?? []).filter((at) => at > nowMs - windowMs);
    if (recent.length >= limit) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.#hits.set(key, recent);
    return true;
  }
}
