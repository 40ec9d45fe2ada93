import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { databaseUnavailable, isDatabaseUnreachable } from './database-unreachable.ts';
import { ErrorCode, isErrorCode } from './error-code.ts';
import { IntegrationError } from './integration-error.ts';

/**
 * Turns an {@link IntegrationError} into the `GraphQLError` a resolver throws at the subgraph edge.
 * No HTTP status rides along: a subgraph answers 200 with the coded error in `errors`, since the gateway
 * treats a non-2xx subgraph response as the subgraph failing and would mask the error as INTERNAL.
 */
export function toGraphQLError(error: IntegrationError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...error.details, code: error.code },
    originalError: error,
  });
}

/** Codes that Apollo Server and graphql-js produce themselves, mapped onto ours. */
const frameworkCodes: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.INVALID_REQUEST,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.INVALID_REQUEST,
  BAD_USER_INPUT: ErrorCode.INVALID_REQUEST,
  BAD_REQUEST: ErrorCode.INVALID_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.INVALID_REQUEST,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.INVALID_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.INVALID_REQUEST,
};

/**
 * What a client reads for any INTERNAL error. Fixed: the message of an unexpected error, or of one coded
 * INTERNAL on purpose, tends to carry what must not leave the service (SQL, table and key ids, Vault
 * paths, a provider's raw answer). The original is logged, under the request id the client can report.
 */
export const INTERNAL_ERROR_MESSAGE =
  'Internal error. It has been logged; retry, and report the request id if it persists.';

/**
 * Apollo Server `formatError`: errors with one of our codes pass through, except INTERNAL ones, whose
 * message is replaced by {@link INTERNAL_ERROR_MESSAGE} (whether raised here as an `IntegrationError` or
 * relayed from a subgraph); framework errors keep their message and get our code (the original stays in
 * `extensions.reason`); anything else is an unexpected error and is masked to INTERNAL, so no stack, SQL
 * or secret reaches a client. Callers log the original of every INTERNAL result. One exception: an error
 * that would be INTERNAL because the database could not be reached (`isDatabaseUnreachable`, also when
 * wrapped) answers PROVIDER_UNAVAILABLE with `reason: DATABASE_UNAVAILABLE`, so a client knows to retry.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isDatabaseUnreachable(original) && !isCodedOnPurpose(original))
    return unavailableError(formatted, databaseUnavailable(original));
  if (original instanceof IntegrationError) {
    if (original.code === ErrorCode.INTERNAL) return internalError(formatted);
    return {
      ...formatted,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.['code'];
  if (code === ErrorCode.INTERNAL) return internalError(formatted);
  if (isErrorCode(code)) {
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (typeof code === 'string' && code in frameworkCodes) {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: frameworkCodes[code], reason: code },
    };
  }
  return internalError(formatted);
}

/** An INTERNAL error as the client sees it: the fixed message, the path, the code, nothing else. */
function internalError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL },
  };
}

/** An error a resolver raised with a code other than INTERNAL keeps it, whatever it wraps. */
function isCodedOnPurpose(error: unknown): boolean {
  return error instanceof IntegrationError && error.code !== ErrorCode.INTERNAL;
}

/** A dependency-unavailable error as the client sees it: its own message and code, nothing of the cause. */
function unavailableError(formatted: GraphQLFormattedError, error: IntegrationError): GraphQLFormattedError {
  return {
    message: error.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...error.details, code: error.code },
  };
}
