/**
 * The one set of error codes used across IONFLUX. Every error a client sees carries one of these in
 * `extensions.code` (GraphQL) or `error.code` (HTTP JSON bodies).
 */
export const ErrorCode = {
  INVALID_REQUEST: 'INVALID_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  INTEGRATION_NOT_CONNECTED: 'INTEGRATION_NOT_CONNECTED',
  INTEGRATION_AUTH_INVALID: 'INTEGRATION_AUTH_INVALID',
  SCOPE_REQUIRED: 'SCOPE_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  PROVIDER_API_ERROR: 'PROVIDER_API_ERROR',
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  POLICY_VIOLATION: 'POLICY_VIOLATION',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatusByCode: Record<ErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INTEGRATION_NOT_CONNECTED: 409,
  INTEGRATION_AUTH_INVALID: 409,
  SCOPE_REQUIRED: 403,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  PROVIDER_API_ERROR: 502,
  PROVIDER_UNAVAILABLE: 503,
  POLICY_VIOLATION: 422,
  INTERNAL: 500,
};

/** The HTTP status an error of this code answers with when it ends a plain HTTP request. */
export function httpStatusOf(code: ErrorCode): number {
  return httpStatusByCode[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCode, value);
}
