import { ErrorCode } from '@ionflux/kit/errors';
import { GraphQLError } from 'graphql';

/**
 * The error of a fetch to a subgraph that could not be reached or said it cannot serve (502, 503,
 * 504): the fields it owns are null, the rest of the answer stands, and the client may retry.
 */
export function subgraphUnavailable(subgraph: string, why: string): GraphQLError {
  return new GraphQLError(
    `The ${subgraph} service is unavailable (${why}); its fields are null. Retry shortly.`,
    {
      extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE, reason: 'SUBGRAPH_UNAVAILABLE', subgraph },
    },
  );
}
