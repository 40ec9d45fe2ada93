import type { NextFunction, Request, Response } from 'express';

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  shop: string | null;
  status: number | null;
  durationMs: number | null;
  /** the fault applied to this request, if any */
  fault: string | null;
  /** GraphQL operation name or the first 200 characters of the query, when there is one */
  operation: string | null;
  /** The Admin API answered THROTTLED: the shop's bucket could not hold the query's requested cost */
  throttled: boolean;
}

const SECRET_FIELDS = /client_secret|refresh_token|code/;

/** A bounded log of the requests the simulator received (control routes excluded). */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];
  readonly #limit: number;
  #seq = 0;

  constructor(limit = 5000) {
    this.#limit = limit;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/_control')) {
        next();
        return;
      }
      const started = Date.now();
      const shop = /^\/store\/([^/]+)/.exec(req.path)?.[1] ?? null;
      const entry: LoggedRequest = {
        seq: ++this.#seq,
        at: new Date().toISOString(),
        method: req.method,
        path: req.path,
        shop,
        status: null,
        durationMs: null,
        fault: null,
        operation: null,
        throttled: false,
      };
      this.#entries.push(entry);
      if (this.#entries.length > this.#limit) this.#entries.shift();
      res.locals['logEntry'] = entry;
      const finish = (): void => {
        entry.status = res.headersSent ? res.statusCode : null;
        entry.durationMs = Date.now() - started;
        const body = req.body as { query?: unknown; operationName?: unknown } | undefined;
        if (body && typeof body === 'object' && !SECRET_FIELDS.test(Object.keys(body).join(' '))) {
          entry.operation =
            typeof body.operationName === 'string'
              ? body.operationName
              : typeof body.query === 'string'
                ? body.query.slice(0, 200)
                : null;
        }
      };
      res.on('finish', finish);
      res.on('close', finish);
      next();
    };
  }

  list(since = 0): LoggedRequest[] {
    return this.#entries.filter((entry) => entry.seq > since);
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
