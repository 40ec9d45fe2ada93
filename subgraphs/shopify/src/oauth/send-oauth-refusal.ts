import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import type { Request, Response } from 'express';
import { callbackPage } from './callback-page.ts';

/**
 * Refuses a request of the start or callback route with the code's 4xx status: `{error: {code, message}}`
 * when the request's Accept prefers JSON, else the short page, which names the code too. Never cached,
 * and no Referer carries the link's state onwards.
 */
export function sendOAuthRefusal(req: Request, res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatusOf(code));
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  if (req.accepts(['html', 'json']) === 'json') {
    res.json({ error: { code, message } });
    return;
  }
  res.type('html').send(callbackPage('Shopify connection failed', message, code));
}
