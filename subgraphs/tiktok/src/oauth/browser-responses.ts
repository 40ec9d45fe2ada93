import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import type { Request, Response } from 'express';

/** A minimal result page for a browser that came back without a return URL; a refusal names its code. */
export function callbackPage(title: string, message: string, code?: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const codeLine = code === undefined ? '' : `<p>Error code: <code>${escapeHtml(code)}</code></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${codeLine}</body></html>`;
}

/** The return URL with the outcome in its query (`tiktok=connected|error`, `connection_id`, `reason`). */
export function returnRedirect(returnUrl: string, outcome: Record<string, string>): string {
  const url = new URL(returnUrl);
  for (const [key, value] of Object.entries(outcome)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * Refuses a start or callback request with the code's 4xx status: `{error: {code, message}}` when Accept
 * prefers JSON, else the short page naming the code. Never cached, no Referer onwards.
 */
export function sendOAuthRefusal(req: Request, res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatusOf(code));
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  if (req.accepts(['html', 'json']) === 'json') {
    res.json({ error: { code, message } });
    return;
  }
  res.type('html').send(callbackPage('TikTok connection failed', message, code));
}
