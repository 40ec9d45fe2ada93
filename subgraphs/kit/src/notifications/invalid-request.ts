import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/index.ts';

/**
 * A refusal of bad arguments as the gateway can pass it on. Not `toGraphQLError`: it sets HTTP 400 on
 * the subgraph's response, and the gateway masks a subgraph's non-2xx answer as INTERNAL. Not a bare
 * `IntegrationError` either: under vitest the kit and Apollo load different copies of graphql, so the
 * formatter's `instanceof` misses it; an explicit `extensions.code` passes either way.
 */
export function invalidRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.INVALID_REQUEST } });
}
