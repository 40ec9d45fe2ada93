import { ErrorCode, formatGraphQLError } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';

/**
 * A result as a client may see it: errors masked exactly like Apollo Server's `formatError` does for
 * queries (our codes pass, INTERNAL and anything unexpected get the fixed INTERNAL message, the original
 * logged, never shown), an INTERNAL error naming the subscriber's request id.
 */
export function formatResult(
  result: { data?: Record<string, unknown> | null | undefined; errors?: readonly GraphQLError[] | undefined },
  logger: Logger,
  requestId?: string,
): FormattedExecutionResult {
  const formatted: FormattedExecutionResult = {};
  if (result.data !== undefined) formatted.data = result.data;
  if (result.errors?.length) {
    formatted.errors = result.errors.map((error) => {
      const masked = formatGraphQLError(error.toJSON(), error);
      if (masked.extensions?.['code'] !== ErrorCode.INTERNAL) return masked;
      logger.error({ err: error, requestId }, 'subscription event failed');
      return requestId === undefined
        ? masked
        : { ...masked, extensions: { ...masked.extensions, requestId } };
    });
  }
  return formatted;
}
