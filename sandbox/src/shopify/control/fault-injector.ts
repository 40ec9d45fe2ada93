import type { NextFunction, Request, Response } from 'express';
import type { LoggedRequest } from './request-log.ts';

/** A fault for matching requests: added latency, an error status, or a dropped connection. */
export interface FaultRule {
  kind: 'latency' | 'status' | 'drop';
  /** regular expression tested against the request path; every non-control path when absent */
  path?: string;
  method?: string;
  /** how many matching requests it applies to; unlimited when absent */
  count?: number;
  /** for `latency` */
  latencyMs?: number;
  /** for `status` (e.g. 429, 500, 502, 503) */
  status?: number;
  /** response body for `status`; Shopify-like defaults per status otherwise */
  body?: unknown;
  /** `Retry-After` seconds for 429; @default 2.0 */
  retryAfter?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  applied: number;
}

function defaultBody(status: number): unknown {
  if (status === 429)
    return {
      errors:
        'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
    };
  if (status === 503) return { errors: 'Unavailable Shop' };
  if (status === 502) return { errors: 'Bad Gateway' };
  return { errors: 'Internal Server Error' };
}

/** Faults injected through the control API, applied before any simulated route runs. */
export class FaultInjector {
  readonly #rules: ActiveFault[] = [];
  #nextId = 1;

  add(rule: FaultRule): ActiveFault {
    const active = { ...rule, id: this.#nextId++, applied: 0 };
    this.#rules.push(active);
    return active;
  }

  list(): ActiveFault[] {
    return [...this.#rules];
  }

  clear(): void {
    this.#rules.length = 0;
  }

  #take(req: Request): ActiveFault | undefined {
    const rule = this.#rules.find(
      (r) =>
        (!r.path || new RegExp(r.path).test(req.path)) &&
        (!r.method || r.method.toUpperCase() === req.method),
    );
    if (!rule) return undefined;
    rule.applied++;
    if (rule.count !== undefined && rule.applied >= rule.count)
      this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/_control')) {
        next();
        return;
      }
      const rule = this.#take(req);
      if (!rule) {
        next();
        return;
      }
      const entry = res.locals['logEntry'] as LoggedRequest | undefined;
      if (entry) entry.fault = rule.kind === 'status' ? `status ${rule.status ?? 500}` : rule.kind;
      if (rule.kind === 'latency') {
        setTimeout(next, rule.latencyMs ?? 1000);
        return;
      }
      if (rule.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      const status = rule.status ?? 500;
      if (status === 429) res.setHeader('Retry-After', (rule.retryAfter ?? 2).toFixed(1));
      res.status(status).json(rule.body ?? defaultBody(status));
    };
  }
}
