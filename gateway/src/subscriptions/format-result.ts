import { ErrorCode, formatGraphQLError } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';

/**
 * A result as a client may see it: errors masked exactly like Apollo Server's `formatError` does for
 * queries (our codes pass, anything unexpected becomes INTERNAL and is logged, never shown).
 */
export function formatResult(
  result: { data?: Record<string, unknown> | null | undefined; errors?: readonly GraphQLError[] | undefined },
  logger: Logger,
): FormattedExecutionResult {
  const formatted: FormattedExecutionResult = {};
  if (result.data !== undefined) formatted.data = result.data;
  if (result.errors?.length) {
    formatted.errors = result.errors.map((error) => {
      const masked = formatGraphQLError(error.toJSON(), error);
      if (masked.extensions?.['code'] === ErrorCode.INTERNAL)
        logger.error({ err: error }, 'subscription event failed');
      return masked;
    });
  }
  return formatted;
}
