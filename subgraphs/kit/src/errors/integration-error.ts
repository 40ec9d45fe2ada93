import type { ErrorCode } from './error-code.ts';

/** Extra, client-safe facts an error carries, e.g. `retryAfterSeconds` or the URL that grants a scope. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

export interface IntegrationErrorOptions {
  cause?: unknown;
  /** Client-safe facts that end up in `extensions` (never secrets). */
  details?: ErrorDetails;
}

/**
 * The error family of IONFLUX: every thrown error that is meant for a client has a `code` from
 * {@link ErrorCode} and a message a person can act on. `cause` keeps the underlying error for logs only.
 */
export class IntegrationError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: IntegrationErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IntegrationError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isIntegrationError(error: unknown): error is IntegrationError {
  return error instanceof IntegrationError;
}
