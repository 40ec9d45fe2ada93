import { ErrorCode, isErrorCode } from '@ionflux/kit/errors';
import { GraphQLError } from 'graphql';

/**
 * The caller's error in a subgraph's 400 answer, relayed with its code: the gateway passes custom
 * scalars (DateTime) through unchecked, so a bad value is refused by the subgraph's variable coercion
 * with a coded 400, which the data source would otherwise turn into an uncoded error, masked as
 * INTERNAL and logged as a failure. Undefined for any other answer (those stay masked).
 */
export function subgraphRefusal(status: number, body: unknown): GraphQLError | undefined {
  if (status !== 400 || typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  const first = Array.isArray(errors)
    ? (errors[0] as { message?: unknown; extensions?: { code?: unknown } })
    : undefined;
  const code = first?.extensions?.code;
  if (!isErrorCode(code) || code === ErrorCode.INTERNAL || typeof first?.message !== 'string')
    return undefined;
  return new GraphQLError(first.message, { extensions: { code } });
}
