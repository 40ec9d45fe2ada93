import type { Request, Response } from 'express';

/** How one provider names its callers and words its failures; the guard and handlers speak through it. */
export interface ProviderProtocol {
  /** The API key the request carries, in whichever header or parameter this provider reads. */
  apiKey(req: Request): string | undefined;
  /** The model the request names, for the request log. */
  model(req: Request): string | null;
  /** Answers a request whose key is missing (`undefined`) or unknown. */
  authenticationError(res: Response, key: string | undefined): void;
  /** Answers a request whose key has no quota left. */
  quotaError(res: Response): void;
  /** Answers with an injected failure status (429, 500, 503, 529, …) and its retry headers. */
  statusError(res: Response, status: number, retryAfterSeconds: number): void;
  /** Answers a malformed request. */
  invalidRequest(res: Response, message: string, param?: string): void;
  /** Answers a model this provider does not serve. */
  modelNotFound(res: Response, model: string): void;
  /** Adds the headers every successful answer carries (request id, rate-limit headroom). */
  successHeaders(res: Response): void;
}
