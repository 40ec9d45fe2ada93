import { z } from 'zod';

/** Longest `videoUrl` accepted (TikTok's own limit is not published; real URLs are far shorter). @default 2048 */
export const MAX_VIDEO_URL_LENGTH = 2048;

/**
 * `TIKTOK_PULL_ORIGINS`: comma-separated `scheme://host[:port]` origins (http or https, nothing after
 * the port), parsed to their canonical form (`new URL(x).origin`).
 */
export function pullOriginsVar() {
  return z
    .preprocess((v) => (v === undefined ? '' : v), z.string())
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const entry of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        let url: URL | undefined;
        try {
          url = new URL(entry);
        } catch {
          url = undefined;
        }
        const bare =
          url !== undefined &&
          url.pathname === '/' &&
          url.search === '' &&
          url.hash === '' &&
          url.username === '' &&
          url.password === '';
        if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !bare) {
          ctx.addIssue({
            code: 'custom',
            message: `TIKTOK_PULL_ORIGINS: "${entry}" is not an origin such as https://media.example.com`,
          });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    });
}

export type PullUrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Whether TikTok may be told to pull `videoUrl`: an absolute http(s) URL without credentials whose
 * origin is exactly one of `allowed`. Nothing is fetched: TikTok downloads it, and only from domains
 * verified for the app, which the operator mirrors in the allow-list.
 */
export function checkPullUrl(videoUrl: string, allowed: readonly string[]): PullUrlVerdict {
  if (allowed.length === 0) {
    return {
      ok: false,
      reason: 'Publishing from a URL is not enabled (TIKTOK_PULL_ORIGINS is empty): upload the file instead.',
    };
  }
  const refusal = {
    ok: false,
    reason: `videoUrl must be an http(s) URL on one of the allowed origins: ${allowed.join(', ')}.`,
  } as const;
  if (videoUrl.length > MAX_VIDEO_URL_LENGTH) return refusal;
  let url: URL;
  try {
    url = new URL(videoUrl);
  } catch {
    return refusal;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refusal;
  if (url.username !== '' || url.password !== '') return refusal;
  if (!allowed.includes(url.origin)) return refusal;
  return { ok: true, url: url.href };
}
