import type { NextFunction, Request, Response } from 'express';

/** One request the TikTok simulator answered, as the control API reports it. */
export interface TikTokRequestRecord {
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  /** The last four characters of the bearer token, or null when none was sent. */
  tokenLast4: string | null;
  contentType: string | null;
  /** The parsed form or JSON body; for uploads only `{bytes}`. */
  body: unknown;
}

/** The most recent requests (not the control API's), oldest first, kept in memory. */
export class TikTokRequestLog {
  readonly #records: TikTokRequestRecord[] = [];

  middleware(now: () => Date) {
    return (req: Request, res: Response, next: NextFunction): void => {
      res.on('close', () => {
        const body: unknown = req.body;
        const token = req.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
        this.#records.push({
          at: now().toISOString(),
          method: req.method,
          path: req.path,
          query: { ...req.query },
          status: res.headersSent ? res.statusCode : 0,
          tokenLast4: token === undefined ? null : token.slice(-4),
          contentType: req.get('content-type') ?? null,
          body: Buffer.isBuffer(body) ? { bytes: body.length } : (body ?? null),
        });
        if (this.#records.length > 1000) this.#records.shift();
      });
      next();
    };
  }

  list(): TikTokRequestRecord[] {
    return [...this.#records];
  }

  clear(): void {
    this.#records.length = 0;
  }
}
